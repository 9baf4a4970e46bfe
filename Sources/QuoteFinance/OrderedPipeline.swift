import Dispatch
import Foundation

/// A bounded parallel pipeline that keeps input order: `jobs` workers take batches from `next`,
/// run `process` on them concurrently, and `emit` receives the outputs strictly in the order the
/// batches were taken. At most `window` batches are taken but not yet emitted, so memory stays flat
/// however long the input is.
///
/// `next` and `emit` are called one at a time (under a lock), never concurrently with themselves or
/// each other; `process` runs concurrently.
public enum OrderedPipeline {
    public static func run<Batch, Output>(
        jobs: Int, window: Int? = nil, next: @escaping () -> Batch?, process: @escaping (Batch) -> Output,
        emit: @escaping (Output) -> Void
    ) {
        let state = State<Output>(window: max(window ?? jobs * 2, 1))
        let closures = Unchecked(Stages(next: next, process: process, emit: emit))
        DispatchQueue.concurrentPerform(iterations: max(jobs, 1)) { _ in
            let stages = closures.value
            while let (sequence, batch) = state.take(stages.next) {
                state.finish(sequence, stages.process(batch), emit: stages.emit)
            }
        }
    }

    final class Stages<Batch, Output> {
        let next: () -> Batch?
        let process: (Batch) -> Output
        let emit: (Output) -> Void
        init(
            next: @escaping () -> Batch?, process: @escaping (Batch) -> Output,
            emit: @escaping (Output) -> Void
        ) {
            self.next = next
            self.process = process
            self.emit = emit
        }
    }

    /// Hands a value to other threads where the caller guarantees the access pattern is safe.
    struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    final class State<Output>: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        private var taken = 0
        private var emitted = 0
        private var done = false
        private var finished: [Int: Output] = [:]

        init(window: Int) { self.window = window }

        /// The next batch and its sequence number, waiting while the window is full.
        func take<Batch>(_ next: () -> Batch?) -> (Int, Batch)? {
            condition.lock()
            defer { condition.unlock() }
            while !done, taken - emitted >= window { condition.wait() }
            guard !done, let batch = next() else {
                done = true
                condition.broadcast()
                return nil
            }
            taken += 1
            return (taken - 1, batch)
        }

        /// Records an output and emits every output that is now next in order.
        func finish(_ sequence: Int, _ output: Output, emit: (Output) -> Void) {
            condition.lock()
            defer { condition.unlock() }
            finished[sequence] = output
            while let ready = finished.removeValue(forKey: emitted) {
                emit(ready)
                emitted += 1
            }
            condition.broadcast()
        }
    }
}
