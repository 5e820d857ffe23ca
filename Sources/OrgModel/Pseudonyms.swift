/// Stable pseudonyms for people, derived from a digest of their HR key: `Person 3f2a9c`, id `P-3f2a9c`.
///
/// The same key always gets the same pseudonym for the same set of keys, so repeated reports and diffs line up.
/// Six hex digits are used; keys whose six digits collide get the shortest longer prefix that tells them apart,
/// and keys whose whole digests collide are numbered in key order (`3f2a9c-2`).
public struct Pseudonyms: Sendable {
    /// Hex digits of the digest a pseudonym shows unless it must show more to be unique.
    public static let shortLength = 6
    private let tagByKey: [String: String]
    private let digest: @Sendable (String) -> String

    /// `keys`: every HR key the pseudonyms must tell apart (several snapshots' together, for a diff);
    /// `digest`: a hex digest such as SHA-256's, the same function on every run.
    public init<Keys: Sequence>(keys: Keys, digest: @escaping @Sendable (String) -> String) where Keys.Element == String {
        self.digest = digest
        var byDigest: [String: [String]] = [:]
        for key in Set(keys) { byDigest[digest(key).lowercased(), default: []].append(key) }
        let digests = byDigest.keys.sorted()
        var tags: [String: String] = [:]
        for (i, d) in digests.enumerated() {
            // In sorted order, a digest shares its longest prefix with one of its neighbours.
            let shared = max(
                i > 0 ? Self.commonPrefixLength(d, digests[i - 1]) : 0,
                i + 1 < digests.count ? Self.commonPrefixLength(d, digests[i + 1]) : 0)
            let tag = String(d.prefix(max(Self.shortLength, shared + 1)))
            let keys = byDigest[d]!.sorted()
            for (n, key) in keys.enumerated() { tags[key] = n == 0 ? tag : "\(tag)-\(n + 1)" }
        }
        tagByKey = tags
    }

    /// `P-3f2a9c`, in place of the HR id.
    public func id(forKey key: String) -> String { "P-\(tag(key))" }

    /// `Person 3f2a9c`, in place of the name.
    public func name(forKey key: String) -> String { "Person \(tag(key))" }

    /// `p-3f2a9c@example.invalid` (a reserved domain that can never deliver), in place of the email.
    public func email(forKey key: String) -> String { "p-\(tag(key))@example.invalid" }

    /// A key the pseudonyms were not built with (a manager key naming nobody) gets its whole digest, which
    /// cannot be mistaken for anyone's shorter tag.
    private func tag(_ key: String) -> String {
        tagByKey[key] ?? digest(key).lowercased()
    }

    private static func commonPrefixLength(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
