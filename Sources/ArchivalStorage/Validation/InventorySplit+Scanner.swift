extension InventorySplit {
    /// Follows strings and brackets byte by byte, noting where each `versions.<name>.state` object lies.
    struct Scanner {
        /// Open containers: `{` or `[`, and for objects whether a key comes next.
        var stack: [(kind: UInt8, expectKey: Bool)] = []
        var inString = false
        var escape = false
        /// The string being read is a key at this depth (1…3), collected in `key`.
        var keyDepth = 0
        var key: [UInt8] = []
        /// Keys of the current members at depths 1…3.
        var path: [[UInt8]] = [[], [], [], []]
        /// After `:` of a `versions.<name>.state` member: its value starts at the next non-space byte.
        var stateValueNext = false
        /// Start of the state object being skipped, and the depth it opened.
        var stateStart: Int?
        var versionsSeen = false
        var versionNames: Set<[UInt8]> = []
        var stateSeenInBlock = false
        var states: [String: Range<Int>] = [:]

        /// After `:` of another top-level member (manifest, fixity…): a container value is skipped as a whole.
        var otherValueNext = false
        var skippingOther = false
        var skipping: Bool { stateStart != nil || skippingOther }
        /// Inside the state object being skipped: bracket depth below it, and string state.
        var skipDepth = 0
        var skipString = false
        var skipEscape = false
        var tooDeep = false

        /// Skips bytes of the state object from `i` on, to its end or the end of `chunk`; returns where it stopped.
        /// Bracket kinds are not matched here: a state that is not well-formed fails its own parse later.
        mutating func skipState(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, offset: Int) -> Int {
            var i = start
            let n = chunk.count
            while i < n {
                let c = chunk[i]
                if skipString {
                    if skipEscape {
                        skipEscape = false
                    } else if c == 0x5C {
                        skipEscape = true
                    } else if c == 0x22 {
                        skipString = false
                    } else {
                        // The rest of an ordinary run of string bytes.
                        i += 1
                        while i < n, chunk[i] != 0x22, chunk[i] != 0x5C { i += 1 }
                        continue
                    }
                } else if c == 0x22 {
                    skipString = true
                } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    skipDepth += 1
                    // As deep as the full parser refuses: leave the file to it.
                    if skipDepth > 500 { tooDeep = true }
                } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    skipDepth -= 1
                    if skipDepth == 0 {
                        // The state object's own closing brace: back to the full scanner's view, one level up.
                        _ = stack.popLast()
                        if let begin = stateStart { states[String(decoding: path[2], as: UTF8.self)] = begin..<(offset + i + 1) }
                        stateStart = nil
                        skippingOther = false
                        return i + 1
                    }
                }
                i += 1
            }
            return i
        }
        var finished: Bool { stack.isEmpty && !inString && !skipping && versionsSeen }

        /// Takes byte `c` at file offset `at`; false when the layout is not the expected one.
        mutating func step(_ c: UInt8, at: Int) -> Bool {
            if inString {
                if escape { escape = false; return keyDepth == 0 }
                if c == 0x5C {
                    escape = true
                    return keyDepth == 0  // keys this reads must be written without escapes
                }
                if c == 0x22 {
                    inString = false
                    if keyDepth > 0 { return endKey() }
                    return true
                }
                if keyDepth > 0 { key.append(c) }
                return true
            }
            switch c {
            case 0x20, 0x0A, 0x0D, 0x09: return true
            default: break
            }
            if stateValueNext || otherValueNext {
                if c == UInt8(ascii: "{") || (otherValueNext && c == UInt8(ascii: "[")) {
                    if stateValueNext { stateStart = at } else { skippingOther = true }
                    skipDepth = 1
                    skipString = false
                    skipEscape = false
                }
                stateValueNext = false
                otherValueNext = false
            }
            switch c {
            case 0x22:
                inString = true
                keyDepth = 0
                if let top = stack.last, top.kind == UInt8(ascii: "{"), top.expectKey {
                    stack[stack.count - 1].expectKey = false
                    if stack.count <= 3 {
                        keyDepth = stack.count
                        key.removeAll(keepingCapacity: true)
                    }
                }
                return true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < 500 else { return false }
                stack.append((c, c == UInt8(ascii: "{")))
                if stack.count == 3, c == UInt8(ascii: "{"), isVersionsMember(depth: 2) { stateSeenInBlock = false }
                return true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let top = stack.popLast(), top.kind == (c == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")) else { return false }
                return true
            case UInt8(ascii: ","):
                if let top = stack.last, top.kind == UInt8(ascii: "{") { stack[stack.count - 1].expectKey = true }
                return true
            case UInt8(ascii: ":"):
                if stack.count == 1, path[1] != Array("versions".utf8) { otherValueNext = true }
                if stack.count == 3, isVersionsMember(depth: 2), path[3] == Array("state".utf8),
                   stack[1].kind == UInt8(ascii: "{"), stack[2].kind == UInt8(ascii: "{") {
                    stateValueNext = true
                }
                return true
            default:
                return true
            }
        }

        /// Whether the open container at `depth` (1-based) is a member of the top-level `versions`.
        private func isVersionsMember(depth: Int) -> Bool {
            stack.count >= depth && stack[0].kind == UInt8(ascii: "{") && path[1] == Array("versions".utf8)
        }

        /// A key at `keyDepth` ended: records it; refuses a repeated `versions`, version name or `state`.
        private mutating func endKey() -> Bool {
            let d = keyDepth
            keyDepth = 0
            path[d] = key
            for deeper in (d + 1)..<path.count { path[deeper] = [] }
            switch d {
            case 1 where key == Array("versions".utf8):
                if versionsSeen { return false }
                versionsSeen = true
            case 2 where path[1] == Array("versions".utf8):
                if !versionNames.insert(key).inserted { return false }
            case 3 where path[1] == Array("versions".utf8) && key == Array("state".utf8):
                if stateSeenInBlock { return false }
                stateSeenInBlock = true
            default: break
            }
            return true
        }
    }
}
