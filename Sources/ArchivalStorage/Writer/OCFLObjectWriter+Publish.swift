extension OCFLObjectWriter {
    /// One rename makes a complete new object visible; its root inventory came with it.
    func publishNewObject(_ staged: String, to objectRoot: String, steps: DurableSteps) throws(OCFLStorageError) {
        let parent = FileSystem.parent(objectRoot)
        try FileSystem.makeDirectories(parent)
        // fsync each layout folder from the object's parent up to the storage root, so the new entries are durable.
        var folder = parent
        while folder.utf8.count >= root.path.utf8.count {
            try FileSystem.sync(folder)
            if folder == root.path { break }
            folder = FileSystem.parent(folder)
        }
        steps.reached("object parent folders durable")
        try FileSystem.rename(staged, objectRoot)
        steps.reached("object published (rename)")
        try FileSystem.sync(parent)
        steps.reached("object parent folder synced")
    }

    /// One rename publishes the version folder; then the root inventory and, last, its sidecar are renamed in.
    func publishVersion(_ versionFolder: String, named version: String, into objectRoot: String, rootCopies: String,
                        sidecarName: String, steps: DurableSteps) throws(OCFLStorageError) {
        try FileSystem.rename(versionFolder, objectRoot + "/" + version)
        steps.reached("version published (rename)")
        try FileSystem.sync(objectRoot)
        steps.reached("object folder synced after publish")
        try FileSystem.rename(rootCopies + "/inventory.json", objectRoot + "/inventory.json")
        steps.reached("root inventory replaced (rename)")
        try FileSystem.sync(objectRoot)
        steps.reached("object folder synced after inventory")
        try FileSystem.rename(rootCopies + "/" + sidecarName, objectRoot + "/" + sidecarName)
        steps.reached("root sidecar replaced (rename)")
        try FileSystem.sync(objectRoot)
        steps.reached("object folder synced after sidecar")
    }
}
