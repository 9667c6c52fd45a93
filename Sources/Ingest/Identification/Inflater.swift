/// A small DEFLATE (RFC 1951) decoder for the few KiB of XML that identification needs from inside a
/// zip (the ODF manifest), with a cap on the output. Not for bulk data: Packaging unpacks archives.
enum Inflater {
    private struct Corrupt: Error {}

    /// The first `maxOutput` bytes of the inflated stream, or nil when the data is not valid DEFLATE.
    static func inflate(_ input: [UInt8], maxOutput: Int) -> [UInt8]? {
        var state = State(input: input, maxOutput: maxOutput)
        do { try state.run() } catch { return state.output.count >= maxOutput ? Array(state.output.prefix(maxOutput)) : nil }
        return Array(state.output.prefix(maxOutput))
    }

    /// Canonical Huffman table: how many codes of each length, and the symbols in code order.
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: ArraySlice<Int>) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private struct State {
        let input: [UInt8]
        let maxOutput: Int
        var output: [UInt8] = []
        var position = 0
        var bitBuffer = 0
        var bitCount = 0

        init(input: [UInt8], maxOutput: Int) {
            self.input = input
            self.maxOutput = maxOutput
        }

        mutating func bits(_ n: Int) throws(Corrupt) -> Int {
            while bitCount < n {
                guard position < input.count else { throw Corrupt() }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << n) - 1)
            bitBuffer >>= n
            bitCount -= n
            return value
        }

        mutating func decode(_ table: Huffman) throws(Corrupt) -> Int {
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try bits(1)
                let count = table.counts[length]
                if code - count < first { return table.symbols[index + (code - first)] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Corrupt()
        }

        mutating func run() throws(Corrupt) {
            var last = 0
            repeat {
                guard output.count < maxOutput else { return }
                last = try bits(1)
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Inflater.fixed.literal, Inflater.fixed.distance)
                case 2:
                    let (literal, distance) = try dynamicTables()
                    try codes(literal, distance)
                default: throw Corrupt()
                }
            } while last == 0
        }

        mutating func stored() throws(Corrupt) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw Corrupt() }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard length == (~complement & 0xFFFF) else { throw Corrupt() }
            position += 4
            guard position + length <= input.count else { throw Corrupt() }
            output.append(contentsOf: input[position..<(position + length)])
            position += length
        }

        mutating func codes(_ literal: Huffman, _ distance: Huffman) throws(Corrupt) {
            while output.count < maxOutput {
                let symbol = try decode(literal)
                if symbol < 256 { output.append(UInt8(symbol)); continue }
                if symbol == 256 { return }
                let lengthIndex = symbol - 257
                guard lengthIndex < Inflater.lengthBase.count else { throw Corrupt() }
                let length = Inflater.lengthBase[lengthIndex] + (try bits(Inflater.lengthExtra[lengthIndex]))
                let distanceSymbol = try decode(distance)
                guard distanceSymbol < Inflater.distanceBase.count else { throw Corrupt() }
                let back = Inflater.distanceBase[distanceSymbol] + (try bits(Inflater.distanceExtra[distanceSymbol]))
                guard back <= output.count else { throw Corrupt() }
                for _ in 0..<length { output.append(output[output.count - back]) }
            }
        }

        mutating func dynamicTables() throws(Corrupt) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw Corrupt() }
            var codeLengths = [Int](repeating: 0, count: 19)
            for i in 0..<codeCount { codeLengths[Inflater.codeLengthOrder[i]] = try bits(3) }
            let codeTable = Huffman(lengths: codeLengths[...])
            var lengths: [Int] = []
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(codeTable)
                switch symbol {
                case 0..<16: lengths.append(symbol)
                case 16:
                    guard let previous = lengths.last else { throw Corrupt() }
                    lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
                case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
                default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
                }
            }
            guard lengths.count == literalCount + distanceCount else { throw Corrupt() }
            return (Huffman(lengths: lengths[0..<literalCount]), Huffman(lengths: lengths[literalCount...]))
        }
    }

    private static let fixed: (literal: Huffman, distance: Huffman) = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return (Huffman(lengths: lengths[...]), Huffman(lengths: [Int](repeating: 5, count: 30)[...]))
    }()
}
