/// The property names the engine reads; everything else is skipped unparsed.
enum PropertyName: Sendable {
    case beginComponent, endComponent, method
    case uid, start, end, duration, rule, recurrenceDate, exceptionDate, recurrenceID
    case sequence, status, summary, organizer, attendee
    case timeZoneID, offsetFrom, offsetTo

    /// Matches `line[range]` case-insensitively against the known names.
    /// Dispatching on length first keeps the common miss (DESCRIPTION,
    /// X-MICROSOFT-..., DTSTAMP) to a comparison or two per line.
    static func match(_ line: [UInt8], _ range: Range<Int>) -> PropertyName? {
        func named(_ candidate: String, _ name: PropertyName) -> PropertyName? {
            ASCII.equalsIgnoringCase(line, range, candidate) ? name : nil
        }
        switch range.count {
        case 3: return named("UID", .uid) ?? named("END", .endComponent)
        case 4: return named("TZID", .timeZoneID)
        case 5: return named("BEGIN", .beginComponent) ?? named("DTEND", .end) ?? named("RRULE", .rule)
            ?? named("RDATE", .recurrenceDate)
        case 6: return named("METHOD", .method) ?? named("EXDATE", .exceptionDate) ?? named("STATUS", .status)
        case 7: return named("DTSTART", .start) ?? named("SUMMARY", .summary)
        case 8: return named("ATTENDEE", .attendee) ?? named("DURATION", .duration) ?? named("SEQUENCE", .sequence)
        case 9: return named("ORGANIZER", .organizer)
        case 10: return named("TZOFFSETTO", .offsetTo)
        case 12: return named("TZOFFSETFROM", .offsetFrom)
        case 13: return named("RECURRENCE-ID", .recurrenceID)
        default: return nil
        }
    }
}

/// The property parameters the engine reads; others are skipped. VALUE is not
/// needed (a value's shape tells DATE from DATE-TIME; PERIOD is recognised by
/// its `/`), nor is RANGE (THISANDFUTURE is read as a single-instance override).
struct Parameters: Sendable {
    var timeZoneID: String?
    var email: String?
    var participationStatus: String?
    var userType: String?
    var role: String?

    fileprivate enum Name: Sendable {
        case timeZoneID, email, participationStatus, userType, role
    }

    fileprivate static func match(_ line: [UInt8], _ range: Range<Int>) -> Name? {
        func named(_ candidate: String, _ name: Name) -> Name? {
            ASCII.equalsIgnoringCase(line, range, candidate) ? name : nil
        }
        switch range.count {
        case 4: return named("TZID", .timeZoneID) ?? named("ROLE", .role)
        case 5: return named("EMAIL", .email)
        case 6: return named("CUTYPE", .userType)
        case 8: return named("PARTSTAT", .participationStatus)
        default: return nil
        }
    }

    fileprivate mutating func set(_ name: Name, _ value: String) {
        switch name {
        case .timeZoneID: timeZoneID = value
        case .email: email = value
        case .participationStatus: participationStatus = value
        case .userType: userType = value
        case .role: role = value
        }
    }
}

/// One parsed content line: `NAME;PARAM=value;...:value`.
struct Property: Sendable {
    let name: PropertyName
    let parameters: Parameters
    /// The raw value after the first unquoted colon (not unescaped).
    let value: String
    /// Physical line where the content line starts.
    let line: Int

    /// Splits off the property name. Returns nil for lines that are not
    /// content lines (no name made of letters, digits and dashes followed by
    /// `;` or `:`), so junk such as an unfolded description line is skipped.
    static func nameEnd(of line: [UInt8]) -> Int? {
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") {
                return index > 0 ? index : nil
            }
            guard ASCII.isNameCharacter(byte) else { return nil }
            index += 1
        }
        return nil
    }

    /// Parses parameters and value of a line whose name ends at `nameEnd`.
    /// Returns nil when the line has no value separator or an unterminated quote.
    init?(line bytes: [UInt8], nameEnd: Int, name: PropertyName, lineNumber: Int) {
        var parameters = Parameters()
        var index = nameEnd
        while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            let nameStart = index + 1
            index = nameStart
            while index < bytes.count, ASCII.isNameCharacter(bytes[index]) {
                index += 1
            }
            let known = Parameters.match(bytes, nameStart..<index)
            guard index < bytes.count else { return nil }
            guard bytes[index] == UInt8(ascii: "=") else { continue }
            var isFirstValue = true
            repeat {
                index += 1
                guard let valueRange = Property.parameterValue(bytes, from: &index) else { return nil }
                if isFirstValue, let known {
                    parameters.set(known, String(decoding: bytes[valueRange], as: UTF8.self))
                }
                isFirstValue = false
            } while index < bytes.count && bytes[index] == UInt8(ascii: ",")
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        self.name = name
        self.parameters = parameters
        self.value = String(decoding: bytes[(index + 1)...], as: UTF8.self)
        self.line = lineNumber
    }

    /// Reads one (possibly quoted) parameter value starting at `index`, leaving
    /// `index` on the following `,`, `;` or `:`. Quotes are removed.
    private static func parameterValue(_ bytes: [UInt8], from index: inout Int) -> Range<Int>? {
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let start = index + 1
            index = start
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += 1
            }
            guard index < bytes.count else { return nil }
            let range = start..<index
            index += 1
            return range
        }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") {
                break
            }
            index += 1
        }
        return start..<index
    }
}

/// Small ASCII helpers shared by the line parser.
enum ASCII {
    static func isNameCharacter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    static func uppercased(_ byte: UInt8) -> UInt8 {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) ? byte - 32 : byte
    }

    /// True when `bytes[range]` equals the upper-case ASCII `name`, ignoring case.
    static func equalsIgnoringCase(_ bytes: [UInt8], _ range: Range<Int>, _ name: String) -> Bool {
        var index = range.lowerBound
        for expected in name.utf8 {
            guard index < range.upperBound, uppercased(bytes[index]) == expected else { return false }
            index += 1
        }
        return index == range.upperBound
    }

    /// True when `text` equals `upperCaseWord` ignoring ASCII case and
    /// surrounding blanks (without allocating: this runs per attendee).
    static func matches(_ text: String?, _ upperCaseWord: String) -> Bool {
        guard var bytes = text?.utf8[...] else { return false }
        while let first = bytes.first, first == 0x20 || first == 0x09 {
            bytes = bytes.dropFirst()
        }
        while let last = bytes.last, last == 0x20 || last == 0x09 {
            bytes = bytes.dropLast()
        }
        return bytes.elementsEqual(upperCaseWord.utf8) { uppercased($0) == $1 }
    }
}

extension String {
    /// Removes leading and trailing spaces and tabs (values may carry stray blanks).
    func trimmingBlanks() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else {
            return ""
        }
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) {
            return self
        }
        return String(self[first...last])
    }

    /// Decodes RFC 5545 TEXT escapes: `\\n` / `\\N` become a line feed and
    /// `\\,`, `\\;`, `\\\\` their character. An unknown escape keeps its character.
    func unescapingText() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var escaped = false
        for byte in utf8 {
            if escaped {
                output.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? 0x0A : byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                output.append(byte)
            }
        }
        if escaped {
            output.append(UInt8(ascii: "\\"))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
