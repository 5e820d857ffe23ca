import Foundation

/// Independent work side by side, on as many threads as there are items: a report that compares with the
/// previous snapshot analyses both at once, each on its own database connection (docs/benchmarks.md).
package enum Parallel {
    /// `body(item)` for every item, concurrently; the results in the items' order, or the first error in that order.
    package static func map<Item: Sendable, Value: Sendable>(_ items: [Item], _ body: @Sendable (Item) throws -> Value) throws -> [Value] {
        let slots = Slots<Value>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.set(i, Result { try body(items[i]) })
        }
        return try slots.values()
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

    /// Every value, in order, or the first error; called once every slot is set.
    func values() throws -> [Value] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
