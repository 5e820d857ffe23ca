import Foundation

/// The people of one snapshot, stored by column: each person's key, name and email back to back in one run of
/// bytes, and titles, departments, teams, levels and locations as numbers into one table of the values that occur.
/// Read as a collection it gives ``Person`` values, made on demand; the analysis's passes read the columns they
/// need through ``name(_:)``, ``department(_:)``, ``title(_:)`` and the like without making a `Person`.
///
/// At a million people an array of `Person` (ten strings, 152 bytes before any text, a heap allocation for every
/// name or email longer than 15 bytes) and an index of keys held about 370 MB; these columns hold about a third of
/// that (docs/benchmarks.md, "A lighter org chart").
public struct People: RandomAccessCollection, Sendable {
    /// Key, name and email of every person, in that order, back to back.
    private var text: [UInt8] = []
    /// Where each of those starts in `text`: key of person `i` at `3 * i`, name at `3 * i + 1`, email at
    /// `3 * i + 2`; each ends where the next begins, the last at `bounds[3 * count]`.
    private var bounds: [Int] = [0]
    private var hasEmail: [Bool] = []
    /// Titles, departments, teams, levels and locations, each value once; the columns below index it, -1 for none.
    private var values: [String] = []
    private var titles: [Int32] = [], departments: [Int32] = [], teams: [Int32] = [], levels: [Int32] = [], locations: [Int32] = []
    /// Each person's manager: the first person with the manager's key (as a `Dictionary` of keys would find them),
    /// -1 when the key names nobody here or there is none.
    private var managers: [Int32] = []
    /// Manager keys as they were given, by person, where they name nobody here or are spelled otherwise than the
    /// key they name (composed against decomposed).
    private var managerKeysAsGiven: [Int32: String] = [:]
    private var dottedLineManagerKeys: [Int32: [String]] = [:]
    private var keyIndex = KeyIndex()

    public init() {}

    public init(_ people: some Sequence<Person>) {
        var builder = Builder()
        for p in people {
            let i = builder.append(
                key: p.key, name: p.name, email: p.email, title: p.title, department: p.department, team: p.team,
                level: p.level, location: p.location, dottedLineManagerKeys: p.dottedLineManagerKeys)
            if let m = p.managerKey { builder.setManager(of: i, key: m) }
        }
        self = builder.finish()
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { hasEmail.count }

    public subscript(i: Int) -> Person {
        Person(
            key: key(i), name: name(i), email: email(i), title: title(i), department: department(i), team: team(i),
            managerKey: managerKey(i), dottedLineManagerKeys: dottedLineManagerKeys[Int32(i)] ?? [], level: level(i),
            location: location(i))
    }

    public func key(_ i: Int) -> String { string(3 * i) }
    public func name(_ i: Int) -> String { string(3 * i + 1) }
    public func email(_ i: Int) -> String? { hasEmail[i] ? string(3 * i + 2) : nil }
    public func title(_ i: Int) -> String? { value(titles[i]) }
    public func department(_ i: Int) -> String { values[Int(departments[i])] }
    public func team(_ i: Int) -> String? { value(teams[i]) }
    public func level(_ i: Int) -> String? { value(levels[i]) }
    public func location(_ i: Int) -> String? { value(locations[i]) }

    public func managerKey(_ i: Int) -> String? {
        if let given = managerKeysAsGiven[Int32(i)] { return given }
        return managers[i] >= 0 ? key(Int(managers[i])) : nil
    }

    /// The first person with `i`'s manager key, even `i` itself; nil when it names nobody here.
    func managerByKey(_ i: Int) -> Int? { managers[i] >= 0 ? Int(managers[i]) : nil }

    /// Dotted-line managers' keys by person, for the few who have any.
    var dottedLines: [Int32: [String]] { dottedLineManagerKeys }

    /// The first person with `key` (keys compare as Swift compares text: composed and decomposed forms alike).
    public func index(ofKey key: String) -> Int? {
        var canonical = TextKey.canonical(key)
        return canonical.withUTF8 { bytes in keyIndex.find(bytes, hash: TextKey.hash(bytes), in: self) }
    }

    /// ``index(ofKey:)`` of `other`'s person `j`'s key. From one month to the next most people keep their key and
    /// their place: a key with the same bytes at the same place, in people whose keys are all different, is found
    /// there without hashing or making a `String` (comparing a million people's snapshots).
    public func index(ofKeyOf j: Int, in other: People) -> Int? {
        if j < count, !keyIndex.hasRepeatedKeys, other.keyBytesEqual(j, to: self, at: j) { return j }
        return index(ofKey: other.key(j))
    }

    fileprivate func keyBytes(_ i: Int) -> ArraySlice<UInt8> { text[bounds[3 * i] ..< bounds[3 * i + 1]] }

    private func keyBytesEqual(_ i: Int, to other: People, at j: Int) -> Bool {
        text.withUnsafeBufferPointer { mine in
            other.text.withUnsafeBufferPointer { theirs in
                mine[bounds[3 * i] ..< bounds[3 * i + 1]].elementsEqual(theirs[other.bounds[3 * j] ..< other.bounds[3 * j + 1]])
            }
        }
    }

    private func value(_ code: Int32) -> String? { code < 0 ? nil : values[Int(code)] }

    private func string(_ field: Int) -> String {
        text.withUnsafeBufferPointer { text in
            String(decoding: UnsafeBufferPointer(rebasing: text[bounds[field] ..< bounds[field + 1]]), as: UTF8.self)
        }
    }

    /// The bytes of `i`'s key, composed (NFC) when it is not ASCII, for the key index.
    fileprivate func withCanonicalKey<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = bounds[3 * i] ..< bounds[3 * i + 1]
        let ascii = text.withUnsafeBufferPointer { text in text[range].allSatisfy { $0 < 0x80 } }
        if ascii { return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
        var canonical = TextKey.canonical(key(i))
        return canonical.withUTF8(body)
    }

    /// Builds ``People`` a person at a time from strings or from bytes as SQLite hands them over, without a
    /// `String` for a key, name or email.
    public struct Builder {
        private var people = People()
        private var codes: [String: Int32] = [:]
        private var managerKeys: [Int32: String] = [:]

        public init(capacity: Int = 0) {
            people.text.reserveCapacity(capacity * 48)
            people.bounds.reserveCapacity(3 * capacity + 1)
            people.hasEmail.reserveCapacity(capacity)
            people.managers.reserveCapacity(capacity)
            for column: WritableKeyPath<People, [Int32]> in [\.titles, \.departments, \.teams, \.levels, \.locations] {
                people[keyPath: column].reserveCapacity(capacity)
            }
        }

        public var count: Int { people.count }

        /// Adds a person with no manager yet; returns their index.
        @discardableResult
        public mutating func append(
            key: String, name: String, email: String?, title: String?, department: String, team: String?,
            level: String?, location: String?, dottedLineManagerKeys: [String] = []
        ) -> Int {
            var (key, name, emailText) = (key, name, email ?? "")
            return key.withUTF8 { key in
                name.withUTF8 { name in
                    emailText.withUTF8 { emailBytes in
                        appendBytes(
                            key: key, name: name, email: email == nil ? nil : emailBytes, title: title, department: department,
                            team: team, level: level, location: location, dottedLineManagerKeys: dottedLineManagerKeys)
                    }
                }
            }
        }

        /// Adds a person with no manager yet from UTF-8 bytes; returns their index.
        @discardableResult
        public mutating func appendBytes(
            key: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>?,
            title: String?, department: String, team: String?, level: String?, location: String?,
            dottedLineManagerKeys: [String] = []
        ) -> Int {
            let i = people.count
            people.text.append(contentsOf: key)
            people.bounds.append(people.text.count)
            people.text.append(contentsOf: name)
            people.bounds.append(people.text.count)
            if let email { people.text.append(contentsOf: email) }
            people.bounds.append(people.text.count)
            people.hasEmail.append(email != nil)
            people.titles.append(code(title))
            people.departments.append(code(department))
            people.teams.append(code(team))
            people.levels.append(code(level))
            people.locations.append(code(location))
            people.managers.append(-1)
            if !dottedLineManagerKeys.isEmpty { people.dottedLineManagerKeys[Int32(i)] = dottedLineManagerKeys }
            return i
        }

        /// `i`'s manager is the person at `manager`, already appended or still to come (or, when keys repeat, the
        /// first person with the same key: ``finish()``).
        public mutating func setManager(of i: Int, index manager: Int) { people.managers[i] = Int32(manager) }

        /// `i`'s manager is whoever has `key`, looked up once everyone is in (``finish()``).
        public mutating func setManager(of i: Int, key: String) { managerKeys[Int32(i)] = key }

        public consuming func finish() -> People {
            people.keyIndex = KeyIndex(people)
            // A manager given by position becomes the first holder of their key, as one given by key does: with
            // keys equal as text on two people (edited by hand), reporting lines then meet in one of them.
            if people.keyIndex.hasRepeatedKeys {
                for i in people.indices where people.managers[i] >= 0 {
                    people.managers[i] = Int32(people.index(ofKey: people.key(Int(people.managers[i])))!)
                }
            }
            for (i, key) in managerKeys {
                guard let m = people.index(ofKey: key) else { people.managerKeysAsGiven[i] = key; continue }
                people.managers[Int(i)] = Int32(m)
                if !Array(key.utf8).elementsEqual(people.keyBytes(m)) { people.managerKeysAsGiven[i] = key }
            }
            return people
        }

        /// A value's number in the shared table; values equal as text share one (as `Dictionary` compares them).
        private mutating func code(_ value: String?) -> Int32 {
            guard let value else { return -1 }
            if let known = codes[value] { return known }
            let code = Int32(people.values.count)
            people.values.append(value)
            codes[value] = code
            return code
        }
    }
}

/// From each key to the first person with it: open addressing over person numbers, 4 bytes a slot, the keys'
/// bytes read from the people's own text (a `Dictionary<String, Int>` held another copy of every key, 50 MB at
/// a million people).
private struct KeyIndex: Sendable {
    /// A person's index plus one, 0 when empty.
    private var slots: [Int32] = []
    private var mask = 0
    /// Some key is given to more than one person (equal as text): lookups find the first.
    private(set) var hasRepeatedKeys = false

    init() {}

    init(_ people: People) {
        var size = 16
        while size < people.count * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for i in people.indices {
            people.withCanonicalKey(i) { key in
                let h = TextKey.hash(key)
                guard find(key, hash: h, in: people) == nil else { hasRepeatedKeys = true; return }
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Int32(i + 1)
            }
        }
    }

    func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64, in people: People) -> Int? {
        guard !slots.isEmpty else { return nil }
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = Int(slots[s])
            if slot == 0 { return nil }
            let same = people.withCanonicalKey(slot - 1) { candidate in
                candidate.elementsEqual(key)
            }
            if same { return slot - 1 }
            s = (s + 1) & mask
        }
    }
}
