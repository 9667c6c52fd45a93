import KhoCore

extension OCFLStorageRoot {
    /// Object folders (relative to the root) found by walking the root for `0=ocfl_object_*` declarations.
    public func objectFolders() throws(OCFLStorageError) -> [String] {
        var found: [String] = []
        try walk(relative: "", into: &found)
        return found.sorted(by: StableJSON.byteOrder)
    }

    private func walk(relative: String, into found: inout [String]) throws(OCFLStorageError) {
        let folder = relative.isEmpty ? path : path + "/" + relative
        let entries = try FileSystem.entries(folder)
        if !relative.isEmpty, entries.contains(where: { !$0.isDirectory && $0.name.hasPrefix("0=ocfl_object_") }) {
            found.append(relative)
            return
        }
        for entry in entries where entry.isDirectory {
            if relative.isEmpty && entry.name == "extensions" { continue }
            try walk(relative: relative.isEmpty ? entry.name : relative + "/" + entry.name, into: &found)
        }
    }

    /// Identifiers of every object in the root, read from each object's inventory.
    public func objectIDs() throws(OCFLStorageError) -> [String] {
        var ids: [String] = []
        for folder in try objectFolders() {
            let object = try OCFLObjectReader(objectRoot: path + "/" + folder)
            ids.append(object.inventory.id)
        }
        return ids.sorted(by: StableJSON.byteOrder)
    }

    /// A reader for the object with this identifier, found through the layout.
    public func object(_ id: String) throws(OCFLStorageError) -> OCFLObjectReader {
        let folder = try objectPath(for: id)
        guard FileSystem.isDirectory(folder) else {
            throw OCFLStorageError("KHO-OCFL-NO-OBJECT", path: id,
                                   vi: "Không có đối tượng với định danh này", en: "No object with this identifier")
        }
        let reader = try OCFLObjectReader(objectRoot: folder)
        guard reader.inventory.id == id, UnicodeNames.sameBytes(reader.inventory.id, id) else {
            throw OCFLStorageError("E083", path: folder,
                                   vi: "Thư mục đối tượng chứa định danh khác: \(reader.inventory.id)",
                                   en: "Object folder holds a different identifier: \(reader.inventory.id)")
        }
        return reader
    }
}
