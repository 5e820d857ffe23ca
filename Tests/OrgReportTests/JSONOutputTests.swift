import Foundation
@testable import OrgReport
import Testing

/// ``JSONOutput/object(_:)`` writes arrays a batch of elements at a time; its text must be the text of encoding
/// the whole object at once, byte for byte: nesting, empty arrays and objects, absent values, escapes, numbers
/// that are not finite, and batches that end anywhere.
struct JSONOutputTests {
    struct Element: Encodable {
        var name: String
        var tags: [String]
        var scores: [String: Double]
        var nested: [[Int]]
        var note: String?
    }

    struct Whole: Encodable {
        var elements: [Element]
        var emptyList: [Element]
        var scope: [String: Int]
        var title: String
        var rest: Element?
    }

    static func element(_ i: Int) -> Element {
        Element(
            name: i % 7 == 0 ? "line\nbreak \"quoted\" back\\slash/slash é \u{1}" : "person \(i)",
            tags: Array(repeating: "t", count: i % 3),
            scores: i % 4 == 0 ? [:] : ["ei": Double(i) / 3, "odd": i % 5 == 0 ? .infinity : -0.5, "nan": i % 11 == 0 ? .nan : 1],
            nested: i % 2 == 0 ? [] : [[], [i, -i]],
            note: i % 2 == 0 ? nil : "note \(i)")
    }

    @Test(arguments: [0, 1, 255, 256, 257, 600])
    func theSameTextAsOneEncoding(count: Int) {
        let elements = (0..<count).map(Self.element)
        let whole = Whole(elements: elements, emptyList: [], scope: ["people": count, "links": 2 * count], title: "Report", rest: elements.last)
        var members: [(key: String, member: JSONOutput.Member)] = [
            ("title", .value(whole.title)), ("elements", .elements(whole.elements)), ("empty_list", .elements(whole.emptyList)),
            ("scope", .value(whole.scope)),
        ]
        if let rest = whole.rest { members.append(("rest", .value(rest))) }
        let chunked = JSONOutput.object(members)
        #expect(chunked == JSONOutput.encode(whole))
        #expect((try? JSONSerialization.jsonObject(with: Data(chunked.utf8))) != nil, "valid JSON")
    }
}
