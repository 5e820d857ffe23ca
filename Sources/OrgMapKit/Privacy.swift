import Crypto
import OrgAnalysis
import OrgModel

/// How people are shown: under their names, or under stable pseudonyms with small departments' figures withheld.
public struct Privacy: Sendable {
    /// The minimum group size `anonymize` applies when none is given.
    public static let defaultMinimumGroupSize = 5
    /// The environment variable holding the secret that keys the pseudonyms (HMAC-SHA-256). An environment
    /// variable, not an option, so the secret stays out of shell history and process listings.
    public static let keyVariable = "ORGMAP_ANONYMIZE_KEY"

    /// Replace names, emails and HR ids with pseudonyms before the analysis.
    public var anonymize: Bool
    /// Keys the pseudonyms with HMAC-SHA-256 when set; they are the plain SHA-256 of the HR id otherwise.
    public var key: [UInt8]?
    /// Departments below this size have their figures withheld; nil when none is.
    public var minimumGroupSize: MinimumGroupSize?

    /// `minimumGroupSize`: the one given, else ``defaultMinimumGroupSize`` with `anonymize`, else none.
    public init(anonymize: Bool = false, key: [UInt8]? = nil, minimumGroupSize: Int? = nil) {
        self.anonymize = anonymize
        self.key = key
        self.minimumGroupSize = (minimumGroupSize ?? (anonymize ? Self.defaultMinimumGroupSize : nil)).map(MinimumGroupSize.init)
    }

    /// The secret in ``keyVariable``; nil when unset or empty.
    public static func key(in environment: [String: String]) -> [UInt8]? {
        guard let value = environment[keyVariable], !value.isEmpty else { return nil }
        return Array(value.utf8)
    }

    /// True when the pseudonyms are keyed with a secret: nobody without it can recompute them from HR ids.
    public var isKeyed: Bool { anonymize && key != nil }

    /// The organizations with one set of pseudonyms for all of them, so a person has the same one in each; the
    /// organizations as they are without `anonymize`.
    func apply(to organizations: [Organization]) -> [Organization] {
        guard let pseudonyms = pseudonyms(for: organizations.flatMap { $0.people.map(\.key) }) else { return organizations }
        return organizations.map { $0.anonymized(with: pseudonyms) }
    }

    /// The pseudonyms of `keys` under this privacy; nil without `anonymize`.
    func pseudonyms(for keys: [String]) -> Pseudonyms? {
        anonymize ? Pseudonyms(keys: keys, digest: Self.digest(key: key)) : nil
    }

    /// HMAC-SHA-256 of the HR key under `key`, or its SHA-256 without one, as lowercase hex.
    static func digest(key: [UInt8]?) -> @Sendable (String) -> String {
        if let key { return { hmacHex(key: key, message: Array($0.utf8)) } }
        return { hex(SHA256.hash(data: Array($0.utf8))) }
    }

    /// HMAC-SHA-256 (RFC 2104) of `message` under `key`, lowercase hex. The key's bytes, not a `SymmetricKey`, are
    /// what closures capture: swift-crypto 3 does not mark `SymmetricKey` Sendable.
    static func hmacHex(key: [UInt8], message: [UInt8]) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
