import Foundation

/// How far an import has read, reported every so many rows so a terminal can show progress.
public struct ImportProgress: Sendable {
    public var rows: Int
    public var bytesRead: Int
    /// The file's size, nil for standard input.
    public var totalBytes: Int?
    public var elapsed: TimeInterval

    /// "1,250,000 rows, 410,000 rows/s, 8 s left"
    public var description: String {
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        var text = "\(grouped(rows)) rows, \(grouped(Int(rate))) rows/s"
        if let totalBytes, bytesRead > 0, totalBytes > bytesRead, elapsed > 0 {
            let left = elapsed * Double(totalBytes - bytesRead) / Double(bytesRead)
            text += ", \(Int(left.rounded())) s left"
        }
        return text
    }

    private func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}

/// Calls `report` at most every `interval` seconds, checking the clock only every 4,096 rows.
public struct ProgressThrottle {
    private let report: (@Sendable (ImportProgress) -> Void)?
    private let started = Date()
    private var last = Date()
    private let interval: TimeInterval

    public init(interval: TimeInterval = 0.25, report: (@Sendable (ImportProgress) -> Void)?) {
        self.interval = interval
        self.report = report
    }

    mutating func tick(rows: Int, table: any TableRecords) {
        guard let report, rows & 4095 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= interval else { return }
        last = now
        let (read, total) = table.progress
        report(ImportProgress(rows: rows, bytesRead: read, totalBytes: total, elapsed: now.timeIntervalSince(started)))
    }
}
