/// Who takes part in an event, as orgmap counts people.
///
/// The ORGANIZER and every ATTENDEE with an e-mail address: the `EMAIL`
/// parameter when present (it names the person even when the value is some
/// other URI), else a `mailto:` value (scheme in any case). Addresses are
/// trimmed and lowercased and listed once, organizer first. Attendees who
/// declined, rooms, resources and non-participants are left out.
struct Participants: Sendable {
    let organizer: String?
    let addresses: [String]

    init(organizer organizerProperty: Property?, attendees: [Property]) {
        let organizer = organizerProperty.flatMap(Participants.address)
        var addresses: [String] = []
        var seen: Set<String> = []
        if let organizer {
            addresses.append(organizer)
            seen.insert(organizer)
        }
        for attendee in attendees where Participants.isAttending(attendee) {
            guard let address = Participants.address(of: attendee), seen.insert(address).inserted else { continue }
            addresses.append(address)
        }
        self.organizer = organizer
        self.addresses = addresses
    }

    private static func isAttending(_ attendee: Property) -> Bool {
        let parameters = attendee.parameters
        return !ASCII.matches(parameters.participationStatus, "DECLINED")
            && !ASCII.matches(parameters.userType, "ROOM")
            && !ASCII.matches(parameters.userType, "RESOURCE")
            && !ASCII.matches(parameters.role, "NON-PARTICIPANT")
    }

    private static func address(of property: Property) -> String? {
        if let email = property.parameters.email, let address = bareAddress(email, requiresScheme: false) {
            return address
        }
        return bareAddress(property.value, requiresScheme: true)
    }

    /// Trims blanks, drops a leading `mailto:` (any case) and lowercases;
    /// nil when nothing is left or a required scheme is missing. Works on the
    /// UTF-8 view: this runs for every attendee line of every file.
    private static func bareAddress(_ text: String, requiresScheme: Bool) -> String? {
        let bytes = text.utf8
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) {
            start = bytes.index(after: start)
        }
        while start < end, isBlank(bytes[bytes.index(before: end)]) {
            end = bytes.index(before: end)
        }
        let scheme = "mailto:".utf8
        let hasScheme = bytes.distance(from: start, to: end) >= scheme.count
            && zip(bytes[start..<end], scheme).allSatisfy { ASCII.uppercased($0) == ASCII.uppercased($1) }
        if hasScheme {
            start = bytes.index(start, offsetBy: scheme.count)
            while start < end, isBlank(bytes[start]) {
                start = bytes.index(after: start)
            }
        } else if requiresScheme {
            return nil
        }
        guard start < end else { return nil }
        let address = text[start..<end]
        let needsLowercasing = bytes[start..<end].contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
        return needsLowercasing ? address.lowercased() : String(address)
    }
}
