@testable import OrgImport
import OrgSample
import Testing

/// The recipients cell of a message log: addresses and `Name <address>` entries separated by `;` or `,`.
struct RecipientListTests {
    @Test(arguments: [
        ("ann@x.com", ["ann@x.com"]),
        ("ann@x.com; bob@x.com,carl@x.com", ["ann@x.com", "bob@x.com", "carl@x.com"]),
        ("\"Lee, Ann\" <ann@x.com>; Bob Ray <bob@x.com>", ["ann@x.com", "bob@x.com"]),
        ("Ann Lee <mailto:ann@x.com>", ["ann@x.com"]),
        ("  ;; ann@x.com ;  ", ["ann@x.com"]),
        ("\"Quote \\\" Inside; Here\" <q@x.com>", ["q@x.com"]),
        ("1042\n1043\r\n1044", ["1042", "1043", "1044"]),
        ("\"ann@x.com\"", ["ann@x.com"]),
        ("<unclosed@x.com", ["unclosed@x.com"]),
        ("", []),
    ])
    func entries(cell: String, expected: [String]) {
        #expect(RecipientList.entries(cell) == expected)
    }

    /// Any list of addresses, written with display names (quoted, with separators inside) or bare, comes back.
    @Test func roundTripsWhateverTheDisplayNames() {
        var generator = SplitMix64(seed: 12)
        let nameAlphabet = Array("abc XYZ,;<>@.é\"\\")
        let addressAlphabet = Array("abcdefgh0123456789._-+")
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 6)
            var addresses: [String] = []
            var parts: [String] = []
            for _ in 0..<count {
                let local = String((0..<(1 + Int(generator.next() % 10))).map { _ in addressAlphabet[Int(generator.next() % UInt64(addressAlphabet.count))] })
                let address = "\(local)@example.com"
                addresses.append(address)
                switch generator.next() % 3 {
                case 0:
                    parts.append(address)
                case 1:
                    let name = String((0..<Int(generator.next() % 12)).map { _ in nameAlphabet[Int(generator.next() % UInt64(nameAlphabet.count))] })
                    let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    parts.append("\"\(escaped)\" <\(address)>")
                default:
                    parts.append("Plain Name <\(address)>")
                }
            }
            let separator = ["; ", ",", ";", " , ", "\n"][Int(generator.next() % 5)]
            let cell = parts.joined(separator: separator)
            #expect(RecipientList.entries(cell) == addresses, "\(cell)")
        }
    }

    /// Random bytes never crash it, and every entry is a piece of the cell, trimmed, never empty.
    @Test func anyBytesAreSafe() {
        var generator = SplitMix64(seed: 99)
        let alphabet: [UInt8] = Array("ab@.;,<>\"\\ \n\r\t:mailto".utf8) + [0x00, 0xC3, 0xA9, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBufferPointer { cell in
                RecipientList.forEach(cell) { entry in
                    #expect(!entry.isEmpty)
                    #expect(entry.first != 0x20 && entry.last != 0x20)
                    if let base = entry.baseAddress, let start = cell.baseAddress {
                        #expect(base >= start && base + entry.count <= start + cell.count)
                    }
                }
            }
        }
    }
}
