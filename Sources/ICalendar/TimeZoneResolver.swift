import Foundation

/// Finds the zone a TZID parameter means, caching every answer for one file.
///
/// Order: a VTIMEZONE with that TZID in the same VCALENDAR (it states what the
/// sender meant, including made-up names such as "Custom Zone" or Outlook's
/// "(UTC+01:00) Amsterdam, Berlin, ..."), then an IANA name (also with a
/// leading `/` or a vendor prefix such as `/mozilla.org/20050126_1/`), then a
/// Windows zone name. The VTIMEZONE is preferred even when the name is also an
/// IANA name; only a VTIMEZONE that cannot be interpreted falls back to the name.
final class TimeZoneResolver {
    /// UTC (`...Z` values).
    let utc = Zone(rules: .fixed(0))
    /// Floating time and dates: wall-clock values read as UTC.
    let floating = Zone(rules: .fixed(0), isFloating: true)
    private var namedZones: [String: Zone?] = [:]

    /// Zones defined by the VTIMEZONEs of one VCALENDAR, keyed by TZID.
    func zones(definedBy drafts: [TimeZoneDraft]) -> [String: Zone] {
        var zones: [String: Zone] = [:]
        for draft in drafts {
            guard case .success(let definition) = VTimeZoneDefinition.make(from: draft),
                  zones[definition.identifier] == nil else { continue }
            zones[definition.identifier] = Zone(rules: .definition(definition))
        }
        return zones
    }

    /// The zone for a TZID, or nil when neither the calendar nor the IANA or
    /// Windows names know it.
    func zone(forTZID identifier: String, calendarZones: [String: Zone]) -> Zone? {
        if let zone = calendarZones[identifier] {
            return zone
        }
        if let cached = namedZones[identifier] {
            return cached
        }
        let zone = TimeZoneResolver.foundationZone(named: identifier).map { Zone(rules: .foundation($0)) }
        namedZones[identifier] = zone
        return zone
    }

    private static func foundationZone(named identifier: String) -> TimeZone? {
        let trimmed = identifier.trimmingBlanks()
        var components = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        while !components.isEmpty {
            if let zone = TimeZone(identifier: components.joined(separator: "/")) {
                return zone
            }
            components.removeFirst()
        }
        if let iana = WindowsTimeZones.ianaIdentifier(forWindowsName: trimmed) {
            return TimeZone(identifier: iana)
        }
        return nil
    }
}
