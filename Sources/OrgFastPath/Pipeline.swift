import Foundation

/// One producer thread, one consumer (the calling thread), a bounded queue between them: both imports read
/// and check their file on one thread while the other inserts what was already read, so on two cores an import
/// takes about as long as the slower of the two instead of their sum (docs/benchmarks.md).
package enum Pipeline {
    /// Runs `produce(source, put)` on a thread of its own, handing each batch it puts to `consume` on the calling
    /// thread, and returns what `produce` returns. `put` returns false once `consume` has failed: the producer
    /// should stop. The first error wins: `consume`'s (the producer is then stopped and waited for), else
    /// `produce`'s.
    ///
    /// `source` (a file reader, not `Sendable`) is `sending`: the caller gives it up, it is used on the producer's
    /// thread only, and the caller gets the result only after that thread is done.
    package static func run<Source, Batch: Sendable, Output: Sendable>(
        capacity: Int,
        source: sending Source,
        produce: @escaping @Sendable (Source, _ put: (Batch) -> Bool) throws -> Output,
        consume: (Batch) throws -> Void
    ) throws -> Output {
        let queue = BoundedQueue<Batch>(capacity: capacity)
        let producer = ProducerThread(source: source, produce: produce, queue: queue)
        producer.start()
        do {
            while let batch = queue.take() { try consume(batch) }
        } catch {
            queue.cancel()
            _ = producer.result()
            throw error
        }
        return try producer.result().get()
    }
}

/// The producer's thread and its outcome.
///
/// `@unchecked Sendable`: `source` was handed over (`sending`) and is used only on the new thread, which takes it
/// out before anything else; `outcome` is written on that thread before `done` is signalled, and read only after
/// waiting on `done`.
private final class ProducerThread<Source, Batch: Sendable, Output: Sendable>: @unchecked Sendable {
    private var source: Source?
    private let produce: @Sendable (Source, _ put: (Batch) -> Bool) throws -> Output
    private let queue: BoundedQueue<Batch>
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Output, any Error>?

    init(source: sending Source, produce: @escaping @Sendable (Source, _ put: (Batch) -> Bool) throws -> Output, queue: BoundedQueue<Batch>) {
        self.source = source
        self.produce = produce
        self.queue = queue
    }

    func start() {
        let thread = Thread { [self] in
            let source = self.source.take()!
            outcome = Result { try produce(source) { [queue] batch in queue.put(batch) } }
            queue.finish()
            done.signal()
        }
        // Parsing recurses nowhere, but the default 512 KiB of a secondary thread is tight for large records.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread to finish.
    func result() -> Result<Output, any Error> {
        done.wait()
        return outcome!
    }
}
