import Testing

/// One bad file for a table-driven test: what it holds, the line blamed, and words the message must contain.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let csv: String
    let line: Int?
    let says: String
    var testDescription: String { name }

    init(name: String, csv: String, line: Int?, says: String) {
        self.name = name
        self.csv = csv
        self.line = line
        self.says = says
    }
}
