/// The last `capacity` elements appended, oldest overwritten first. Fixed memory once full.
struct BoundedRing<Element: Sendable>: Sendable {
    let capacity: Int
    private var elements: [Element] = []
    /// Where the next element goes once the ring is full.
    private var next = 0

    init(capacity: Int) {
        precondition(capacity > 0, "BoundedRing: capacity \(capacity) is not positive")
        self.capacity = capacity
        elements.reserveCapacity(capacity)
    }

    var count: Int { elements.count }

    /// Appends an element, dropping the oldest when full. O(1).
    mutating func append(_ element: Element) {
        if elements.count < capacity {
            elements.append(element)
        } else {
            elements[next] = element
        }
        next = (next + 1) % capacity
    }

    /// The elements, newest first. O(`count`).
    func newestFirst() -> [Element] {
        (0..<elements.count).map { offset in
            elements[(next - 1 - offset + 2 * capacity) % capacity]
        }
    }
}
