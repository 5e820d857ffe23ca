import OrgModel

/// Excel's dates: a number of days (with the time of day as the fraction) counted from the workbook's
/// epoch, shown as a date only because the cell's number format is a date format.
enum ExcelSerialDate {
    /// The largest serial Excel shows as a date: 9999-12-31.
    static let maxSerial = 2_958_465.0

    /// The serial as `YYYY-MM-DD`, with `THH:MM:SS` when it has a time of day (to the nearest second); a
    /// serial below 1 (a time with no date) as `HH:MM:SS`. Nil for a negative or too large serial, which
    /// Excel cannot show as a date either.
    ///
    /// The 1900 system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, has a 1900-02-29 (serial 60): that
    /// day is written as it is, and serials after it are one day off from a plain count. The 1904 system
    /// (`date1904`, old Mac workbooks) counts from 1904-01-01 as 0.
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < maxSerial + 1 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let time = seconds == 0 ? "" : "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        if serial < 1 { return time.isEmpty ? "00:00:00" : time }
        let date: String
        if date1904 {
            guard let day = CalendarDate(year: 1904, month: 1, day: 1)?.adding(days: days) else { return nil }
            date = day.description
        } else if days == 60 {
            date = "1900-02-29"
        } else {
            guard let day = CalendarDate(year: 1899, month: 12, day: days < 60 ? 31 : 30)?.adding(days: days) else { return nil }
            date = day.description
        }
        return time.isEmpty ? date : date + "T" + time
    }

    /// An ISO 8601 date or date-time from a `t="d"` cell, as `YYYY-MM-DD`, with `THH:MM:SS` when the time
    /// is not midnight; fractions of seconds and zones are dropped. Nil when the text is no such date.
    static func text(iso bytes: some Collection<UInt8>) -> String? {
        let text = Array(bytes)
        guard text.count >= 10, let date = CalendarDate(String(decoding: text[0..<10], as: UTF8.self)) else { return nil }
        guard text.count > 10 else { return date.description }
        guard text[10] == UInt8(ascii: "T") || text[10] == UInt8(ascii: " "), text.count >= 19,
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":")
        else { return nil }
        var parts: [Int] = []
        for start in [11, 14, 17] {
            let tens = Int(text[start]) - 48, ones = Int(text[start + 1]) - 48
            guard (0...9).contains(tens), (0...9).contains(ones) else { return nil }
            parts.append(tens * 10 + ones)
        }
        guard parts[0] < 24, parts[1] < 60, parts[2] < 61 else { return nil }
        if parts == [0, 0, 0] { return date.description }
        return date.description + "T" + parts.map(pad).joined(separator: ":")
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Numbers as a spreadsheet user reads them, not as a `Double` prints: `1001` for 1001.0, `1.5`, and
/// `1000` for `1E3`.
enum ExcelNumber {
    /// The value of a numeric cell's text (`<v>`), or nil when it is not a finite number in XML Schema's
    /// `double` syntax (digits, one point, an exponent; no `INF` or `NaN`).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard !bytes.isEmpty, bytes.count <= 64 else { return nil }
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Whether the text is already how ``plain(_:)`` would print it: an optional minus and at most 15
    /// digits, no leading zero. Such cells (ids, counts) are copied as they are.
    static func isPlainInteger(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard !digits.isEmpty, digits.count <= 15 else { return false }
        if digits.first == UInt8(ascii: "0") { return digits.count == 1 && bytes.count == 1 }
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `value` in plain decimal notation: an integral value as an integer, anything else with the shortest
    /// digits that read back as the same `Double` (Swift's `description`), never with an exponent.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = value.description
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        var mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = Array(mantissa.filter { $0 != "." })
        while digits.count > 1, digits.last == "0", digits.count > point + exponent { digits.removeLast() }
        let shifted = point + exponent
        var out: String
        if shifted <= 0 {
            out = "0." + String(repeating: "0", count: -shifted) + String(digits)
        } else if shifted >= digits.count {
            out = String(digits) + String(repeating: "0", count: shifted - digits.count)
        } else {
            out = String(digits[..<shifted]) + "." + String(digits[shifted...])
        }
        return negative ? "-" + out : out
    }
}
