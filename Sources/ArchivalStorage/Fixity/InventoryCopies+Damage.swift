/// How inventories and sidecars are judged, one rule for the two-pass check (`ObjectInventories`) and the one-pass
/// `--full` check (`InventoryJudgement`): each copy against its sidecar, and against the copy that should be identical.
enum InventoryCopies {
    /// What is wrong with the root inventory, every version inventory (oldest first) and their sidecars.
    /// `rebuiltDigest` gives the digest an older version's inventory had, when it can be rebuilt from a trusted one.
    static func damage(root: InventoryCopy, versions: [InventoryCopy], rebuiltDigest: (String) -> String?) -> [Damage] {
        var damage: [Damage] = []
        let head = versions.last
        let headReference = head.flatMap { $0.matchesSidecar ? $0.digest : nil }
        damage += root.damage(reference: headReference)
        let rootReference = root.matchesSidecar ? root.digest : nil
        for (index, copy) in versions.enumerated() {
            if index == versions.count - 1 {
                damage += copy.damage(reference: rootReference)
            } else if copy.digest != nil, copy.sidecar.digest != nil, !copy.matchesSidecar {
                damage += copy.damage(reference: rebuiltDigest(copy.folder))
            } else {
                damage += copy.damage(reference: nil)
            }
        }
        if let head, root.matchesSidecar, head.matchesSidecar, root.digest != head.digest {
            damage.append(Damage(kind: .inventoryDamaged, path: root.inventoryPath,
                                 detail: "differs from \(head.inventoryPath) (\(root.digest ?? "") vs \(head.digest ?? ""))"))
        }
        return damage
    }
}

extension InventoryCopy {
    /// What is wrong with this inventory and its sidecar, given the digest the inventory should have when another
    /// record says so: a sidecar that disagrees with an inventory confirmed elsewhere is the damaged one.
    func damage(reference: String?) -> [Damage] {
        var damage: [Damage] = []
        if digest == nil {
            damage.append(Damage(kind: .inventoryDamaged, path: inventoryPath, detail: "missing or unreadable"))
        }
        switch sidecar {
        case .missing:
            damage.append(Damage(kind: .sidecarDamaged, path: sidecarPath, detail: "missing"))
        case .malformed:
            damage.append(Damage(kind: .sidecarDamaged, path: sidecarPath, detail: "malformed"))
        case .digest(let recorded):
            guard let digest, digest != recorded else { return damage }
            if let reference, digest == reference {
                damage.append(Damage(kind: .sidecarDamaged, path: sidecarPath, detail: "records \(recorded), inventory is \(digest)"))
            } else {
                damage.append(Damage(kind: .inventoryDamaged, path: inventoryPath, detail: "digest \(digest), sidecar records \(recorded)"))
            }
            return damage
        }
        if let digest, let reference, digest != reference, sidecar.digest == nil {
            damage.append(Damage(kind: .inventoryDamaged, path: inventoryPath, detail: "digest \(digest), expected \(reference)"))
        }
        return damage
    }
}
