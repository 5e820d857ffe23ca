import Foundation

/// Independent work side by side, on as many threads as there are items: `orgmap diff` analyses both snapshots at
/// once, each on its own database connection, and the link readers read halves of a snapshot (docs/benchmarks.md).
///
/// A thread of its own for each item, not Dispatch's pool: the pool has a thread a core, and work that waits on
/// other work started alongside it (the link readers take turns) would wait forever for a thread.
package enum Parallel {
    /// `body(item)` for every item, concurrently; the results in the items' order, or the first error in that order.
    package static func map<Item: Sendable, Value: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) throws -> Value) throws -> [Value] {
        let slots = Slots<Value>(count: items.count)
        run(items.count) { i in slots.set(i, Result { try body(items[i]) }) }
        return try slots.values()
    }

    /// `first()` and `second()` at once; both results, or the first's error, else the second's.
    package static func both<A: Sendable, B: Sendable>(
        _ first: @escaping @Sendable () throws -> A, _ second: @escaping @Sendable () throws -> B
    ) throws -> (A, B) {
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        run(2) { i in
            if i == 0 { a.set(0, Result { try first() }) } else { b.set(0, Result { try second() }) }
        }
        return (try a.values()[0], try b.values()[0])
    }

    /// `first()` and `second()` at once, neither of which can fail.
    package static func both<A: Sendable, B: Sendable>(
        _ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B
    ) -> (A, B) {
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        run(2) { i in
            if i == 0 { a.set(0, .success(first())) } else { b.set(0, .success(second())) }
        }
        return (a.value(0), b.value(0))
    }

    /// `body(0)` on this thread, the others each on a new thread; returns when all have.
    private static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else { if count == 1 { body(0) }; return }
        let group = DispatchGroup()
        for i in 1..<count {
            group.enter()
            let thread = Thread {
                body(i)
                group.leave()
            }
            // Large enough for SQLite and the analysis's recursion (the main thread has 8 MiB).
            thread.stackSize = 8 << 20
            thread.start()
        }
        body(0)
        group.wait()
    }
}

/// Results filled in by concurrent work, one slot each.
///
/// `@unchecked Sendable`: `slots` is read and written only with `lock` held.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<Value, any Error>) {
        lock.withLock { slots[i] = result }
    }

    /// A slot set to a value.
    func value(_ i: Int) -> Value {
        switch lock.withLock({ slots[i] }) {
        case .success(let value)?: value
        default: preconditionFailure("slot \(i) holds no value")
        }
    }

    /// Every value, in order, or the first error; called once every slot is set.
    func values() throws -> [Value] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
