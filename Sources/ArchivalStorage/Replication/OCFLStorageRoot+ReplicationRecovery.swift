import KhoCore

extension OCFLStorageRoot {
    /// Finishes publishing a replication killed between two version renames, so that recovery ends at the new head,
    /// not at an intermediate one. The replicator stages every missing version and the new root inventory, makes
    /// them durable, then renames the versions in oldest first and replaces the root inventory last. Once one version
    /// is in (the root inventory no longer matches the newest version folder's), the rest are durable, verified
    /// copies: they are renamed in here, and the ordinary roll-forward then replaces the root inventory.
    /// Does nothing for a writer's work folder (it publishes a single version) or for staging never published.
    func publishRemainingReplicatedVersions(objectRoot: String, work: String) throws(OCFLStorageError) {
        guard FileSystem.isDirectory(objectRoot), FileSystem.isDirectory(work),
              FileSystem.exists(work + "/inventory.json") else { return }
        func versions(_ folder: String) throws(OCFLStorageError) -> [(number: Int, name: String)] {
            try FileSystem.entries(folder).compactMap { entry in
                guard entry.isDirectory, let number = Inventory.versionNumber(entry.name) else { return nil }
                return (number, entry.name)
            }.sorted { $0.number < $1.number }
        }
        let staged = try versions(work)
        guard let newest = try versions(objectRoot).last, let first = staged.first, first.number == newest.number + 1,
              staged.enumerated().allSatisfy({ $0.element.number == first.number + $0.offset }) else { return }
        // Publishing had started only if a version folder is already ahead of the root inventory.
        let published = objectRoot + "/" + newest.name + "/inventory.json"
        guard FileSystem.exists(published), !FileSystem.sameContents(objectRoot + "/inventory.json", published) else { return }
        // Each remaining version must be whole: its inventory matches its sidecar.
        for version in staged {
            let folder = work + "/" + version.name
            guard let sidecar = try FileSystem.entries(folder).first(where: { $0.name.hasPrefix("inventory.json.") })?.name,
                  let algorithm = DigestAlgorithm(rawValue: String(sidecar.dropFirst("inventory.json.".count))),
                  case .digest(let recorded) = SidecarFile.read(folder + "/" + sidecar, algorithm: algorithm),
                  let bytes = try? FileSystem.readFile(folder + "/inventory.json"),
                  VerifiedObject.digest(bytes, algorithm) == recorded else { return }
        }
        for version in staged {
            try FileSystem.rename(work + "/" + version.name, objectRoot + "/" + version.name)
            try FileSystem.sync(objectRoot)
        }
    }
}
