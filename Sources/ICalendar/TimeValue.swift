/// A DATE or DATE-TIME value exactly as written, before any zone is applied.
enum TimeValue: Sendable, Hashable {
    /// `YYYYMMDD`: a day number.
    case date(day: Int)
    /// `YYYYMMDDTHHMMSS` (local or floating) or with a trailing `Z` (UTC):
    /// wall seconds since 1970-01-01T00:00 of the clock it is written in.
    case dateTime(wall: Int, isUTC: Bool)

    /// Wall seconds at the start of the value (midnight for a date).
    var wall: Int {
        switch self {
        case .date(let day): return day * CivilCalendar.secondsPerDay
        case .dateTime(let wall, _): return wall
        }
    }

    var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    /// Parses `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ` (blanks around
    /// are ignored, `t`/`z` accepted). Returns nil for anything else, including
    /// impossible dates such as February 30 or hour 24. A leap second (60) is
    /// read as 59 so the value stays within its minute.
    init?(parsing text: Substring) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 {
            bytes.removeLast()
        }
        if let firstNonBlank = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), firstNonBlank > 0 {
            bytes.removeFirst(firstNonBlank)
        }
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16,
              let year = TimeValue.digits(bytes, 0, 4),
              let month = TimeValue.digits(bytes, 4, 2),
              let day = TimeValue.digits(bytes, 6, 2),
              year >= 1, (1...12).contains(month),
              (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else {
            return nil
        }
        let dayNumber = CivilCalendar.day(year: year, month: month, day: day)
        if bytes.count == 8 {
            self = .date(day: dayNumber)
            return
        }
        guard ASCII.uppercased(bytes[8]) == UInt8(ascii: "T"),
              let hour = TimeValue.digits(bytes, 9, 2),
              let minute = TimeValue.digits(bytes, 11, 2),
              let second = TimeValue.digits(bytes, 13, 2),
              hour < 24, minute < 60, second <= 60 else {
            return nil
        }
        let isUTC = bytes.count == 16
        if isUTC && ASCII.uppercased(bytes[15]) != UInt8(ascii: "Z") {
            return nil
        }
        let secondOfDay = hour * 3600 + minute * 60 + min(second, 59)
        self = .dateTime(wall: CivilCalendar.wallSeconds(day: dayNumber, secondOfDay: secondOfDay), isUTC: isUTC)
    }

    init?(parsing text: String) {
        self.init(parsing: text[...])
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// Parsers for the other value types the engine reads.
enum ValueParsing {
    /// Parses a DURATION (`P1D`, `PT1H30M`, `P2W`, `+P1DT2H`) into seconds,
    /// counting a day as 86,400 s and a week as 604,800 s. Negative durations
    /// are not meaningful for an event's length and return nil like any
    /// malformed value.
    static func durationSeconds(_ text: String) -> Int? {
        var bytes = Array(text.trimmingBlanks().utf8.map(ASCII.uppercased))
        if bytes.first == UInt8(ascii: "+") {
            bytes.removeFirst()
        }
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return nil }
        var total = 0
        var number: Int?
        var inTime = false
        var sawComponent = false
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                let current = number ?? 0
                guard current < 100_000_000 else { return nil }
                number = current * 10 + digit
            case UInt8(ascii: "T"):
                guard !inTime, number == nil else { return nil }
                inTime = true
            case UInt8(ascii: "W"), UInt8(ascii: "D"), UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S"):
                guard let value = number else { return nil }
                let unit: Int
                switch (byte, inTime) {
                case (UInt8(ascii: "W"), false): unit = 604_800
                case (UInt8(ascii: "D"), false): unit = 86_400
                case (UInt8(ascii: "H"), true): unit = 3600
                case (UInt8(ascii: "M"), true): unit = 60
                case (UInt8(ascii: "S"), true): unit = 1
                default: return nil
                }
                total += value * unit
                number = nil
                sawComponent = true
            default:
                return nil
            }
        }
        guard sawComponent, number == nil else { return nil }
        return total
    }

    /// Parses a UTC offset (`+0100`, `-0500`, `+013000`) into seconds east of UTC.
    static func utcOffsetSeconds(_ text: String) -> Int? {
        let bytes = Array(text.trimmingBlanks().utf8)
        guard bytes.count == 5 || bytes.count == 7,
              bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") else { return nil }
        var fields: [Int] = []
        var index = 1
        while index < bytes.count {
            guard let high = digit(bytes[index]), let low = digit(bytes[index + 1]) else { return nil }
            fields.append(high * 10 + low)
            index += 2
        }
        guard fields[0] < 24, fields[1] < 60, fields.count < 3 || fields[2] < 60 else { return nil }
        let magnitude = fields[0] * 3600 + fields[1] * 60 + (fields.count == 3 ? fields[2] : 0)
        return bytes[0] == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// Parses a non-negative decimal integer with optional sign and blanks;
    /// values beyond `limit` in magnitude are clamped to it.
    static func integer(_ text: Substring, limit: Int = 1_000_000_000_000) -> Int? {
        var bytes = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 {
            bytes = bytes.dropLast()
        }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard let digit = digit(byte) else { return nil }
            value = min(value * 10 + digit, limit)
        }
        return negative ? -value : value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
