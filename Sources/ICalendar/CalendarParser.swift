/// Turns a file's content lines into `CalendarDraft`s, tracking component nesting.
///
/// Nesting is tracked with an explicit stack (no recursion), so hostile input
/// cannot exhaust the call stack. Only the properties the engine needs are
/// parsed; properties of sub-components of a VEVENT (VALARM, ...) are ignored,
/// as are to-do, journal, free/busy and unknown components.
enum CalendarParser {
    private enum Kind {
        case calendar, event, timeZone, observance, other
    }

    private struct OpenComponent {
        let kind: Kind
        let name: String
        let line: Int
    }

    static func parse(_ bytes: [UInt8], fileName: String) throws(ICalendarError) -> [CalendarDraft] {
        var scanner = ContentLineScanner(bytes: bytes)
        var stack: [OpenComponent] = []
        var calendars: [CalendarDraft] = []
        var calendar: CalendarDraft?
        var event: EventDraft?
        var timeZone: TimeZoneDraft?
        var observance: ObservanceDraft?

        func notICalendar(_ found: String, line: Int) -> ICalendarError {
            ICalendarError(
                kind: .notICalendar, fileName: fileName, line: line,
                message: "expected BEGIN:VCALENDAR, found \(found)")
        }

        while try advance(&scanner, fileName: fileName) {
            let line = scanner.line
            let lineNumber = scanner.lineNumber
            guard let nameEnd = Property.nameEnd(of: line),
                  let name = PropertyName.match(line, 0..<nameEnd) else {
                if stack.isEmpty && !isBlank(line) {
                    throw notICalendar(quoted(line), line: lineNumber)
                }
                continue
            }
            if stack.isEmpty && name != .beginComponent {
                throw notICalendar(quoted(line), line: lineNumber)
            }
            let parent = stack.last?.kind
            let wanted: Bool
            switch name {
            case .beginComponent, .endComponent: wanted = true
            case .method: wanted = parent == .calendar
            case .timeZoneID: wanted = parent == .timeZone
            case .offsetFrom, .offsetTo: wanted = parent == .observance
            case .start, .rule, .recurrenceDate: wanted = parent == .event || parent == .observance
            default: wanted = parent == .event
            }
            guard wanted, let property = Property(line: line, nameEnd: nameEnd, name: name, lineNumber: lineNumber) else {
                if stack.isEmpty {
                    throw notICalendar(quoted(line), line: lineNumber)
                }
                continue
            }
            switch name {
            case .beginComponent:
                let componentName = property.value.trimmingBlanks().uppercased()
                let kind = childKind(componentName, parent: parent)
                if parent == nil && kind != .calendar {
                    throw notICalendar(quoted(line), line: lineNumber)
                }
                stack.append(OpenComponent(kind: kind, name: componentName, line: lineNumber))
                switch kind {
                case .calendar: calendar = CalendarDraft(line: lineNumber)
                case .event: event = EventDraft(line: lineNumber)
                case .timeZone: timeZone = TimeZoneDraft(line: lineNumber)
                case .observance: observance = ObservanceDraft(line: lineNumber)
                case .other: break
                }
            case .endComponent:
                let componentName = property.value.trimmingBlanks().uppercased()
                guard let open = stack.last else { continue }
                guard open.name == componentName else {
                    throw ICalendarError(
                        kind: .unclosedComponent, fileName: fileName, line: open.line,
                        message: "BEGIN:\(open.name) is not closed: expected END:\(open.name), "
                            + "found END:\(componentName) at line \(lineNumber)")
                }
                stack.removeLast()
                switch open.kind {
                case .event:
                    if let finished = event { calendar?.events.append(finished) }
                    event = nil
                case .observance:
                    if let finished = observance { timeZone?.observances.append(finished) }
                    observance = nil
                case .timeZone:
                    if let finished = timeZone { calendar?.timeZones.append(finished) }
                    timeZone = nil
                case .calendar:
                    if let finished = calendar { calendars.append(finished) }
                    calendar = nil
                case .other:
                    break
                }
            case .method:
                if calendar?.method == nil {
                    calendar?.method = property.value
                }
            case .timeZoneID:
                if timeZone?.identifier == nil {
                    timeZone?.identifier = property.value.unescapingText().trimmingBlanks()
                }
            default:
                if parent == .event {
                    event?.add(property)
                } else {
                    observance?.add(property)
                }
            }
        }
        if let open = stack.last {
            throw ICalendarError(
                kind: .unclosedComponent, fileName: fileName, line: open.line,
                message: "BEGIN:\(open.name) is never closed (expected END:\(open.name) before the end of the file)")
        }
        if calendars.isEmpty {
            throw notICalendar("the end of the file", line: scanner.endLineNumber)
        }
        return calendars
    }

    private static func advance(_ scanner: inout ContentLineScanner, fileName: String) throws(ICalendarError) -> Bool {
        do {
            return try scanner.advance()
        } catch {
            throw ICalendarError(
                kind: .invalidUTF8, fileName: fileName, line: error.line,
                message: "invalid UTF-8 byte sequence (expected UTF-8 text)")
        }
    }

    private static func childKind(_ name: String, parent: Kind?) -> Kind {
        switch (parent, name) {
        case (nil, "VCALENDAR"): return .calendar
        case (.calendar, "VEVENT"): return .event
        case (.calendar, "VTIMEZONE"): return .timeZone
        case (.timeZone, "STANDARD"), (.timeZone, "DAYLIGHT"): return .observance
        default: return .other
        }
    }

    private static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The start of an offending line, for error messages.
    private static func quoted(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(60), as: UTF8.self)
        return "'\(text)\(line.count > 60 ? "..." : "")'"
    }
}
