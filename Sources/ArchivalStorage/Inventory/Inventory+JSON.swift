import Foundation

extension Inventory {
    /// Reads an inventory from its JSON bytes (any OCFL 1.0 or 1.1 inventory).
    public static func decode(_ bytes: [UInt8], path: String) throws(OCFLStorageError) -> Inventory {
        do {
            return try JSONDecoder().decode(Inventory.self, from: Data(bytes))
        } catch {
            throw OCFLStorageError("E033", path: path,
                                   vi: "Không đọc được bản kê JSON: \(error)",
                                   en: "Inventory is not readable JSON: \(error)")
        }
    }

    /// The inventory as stable JSON: keys and path lists in byte order, names written with their exact bytes.
    public func encoded() -> [UInt8] {
        func pathMap(_ map: [String: [String]]) -> StableJSON {
            .object(map.map { key, paths in
                (key, .array(paths.sorted(by: StableJSON.byteOrder).map { .string($0) }))
            })
        }
        var members: [(key: String, value: StableJSON)] = [
            ("id", .string(id)),
            ("type", .string(type)),
            ("digestAlgorithm", .string(digestAlgorithm)),
            ("head", .string(head)),
            ("manifest", pathMap(manifest)),
        ]
        if let contentDirectory { members.append(("contentDirectory", .string(contentDirectory))) }
        members.append(("versions", .object(versions.map { name, version in
            var block: [(key: String, value: StableJSON)] = [
                ("created", .string(version.created)),
                ("state", pathMap(version.state)),
            ]
            if let message = version.message { block.append(("message", .string(message))) }
            if let user = version.user {
                var userBlock: [(key: String, value: StableJSON)] = [("name", .string(user.name))]
                if let address = user.address { userBlock.append(("address", .string(address))) }
                block.append(("user", .object(userBlock)))
            }
            return (name, .object(block))
        })))
        if let fixity {
            members.append(("fixity", .object(fixity.map { algorithm, map in (algorithm, pathMap(map)) })))
        }
        return StableJSON.object(members).bytes()
    }
}
