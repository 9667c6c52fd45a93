import KhoCore

/// Checks an object's root inventory against its sidecar before the writer builds a version on it: a new version
/// planned from an edited inventory would carry the damage forward and hide it under a fresh, matching sidecar.
enum RootInventoryCheck {
    /// Refuses (nothing changed) unless `objectRoot/inventory.json` has exactly one sidecar
    /// `inventory.json.<alg>` whose digest is the inventory's.
    static func verify(objectID id: String, objectRoot: String) throws(OCFLStorageError) {
        let inventoryPath = objectRoot + "/inventory.json"
        let sidecars = try FileSystem.entries(objectRoot).filter { !$0.isDirectory && $0.name.hasPrefix("inventory.json.") }
        let algorithms = sidecars.compactMap { DigestAlgorithm(rawValue: String($0.name.dropFirst("inventory.json.".count))) }
        guard sidecars.count == 1, let algorithm = algorithms.first else {
            throw refusal("E058", id: id, file: objectRoot + "/inventory.json.<alg>",
                          vi: "bản kê gốc không có đúng một tệp tổng kiểm (sidecar) inventory.json.<thuật toán>",
                          en: "the root inventory does not have exactly one sidecar inventory.json.<algorithm>")
        }
        let sidecarPath = objectRoot + "/" + sidecars[0].name
        guard case .digest(let recorded) = SidecarFile.read(sidecarPath, algorithm: algorithm) else {
            throw refusal("E061", id: id, file: sidecarPath,
                          vi: "tệp sidecar không đúng định dạng \"<digest> inventory.json\"",
                          en: "the sidecar is not of the form \"<digest> inventory.json\"")
        }
        // The file was just recovered or is about to be decoded: it is in the page cache, so this read is cheap.
        let actual: String?
        do { actual = try FileHasher().digest(fileAt: inventoryPath, algorithms: [algorithm]).digests[algorithm] } catch {
            throw OCFLStorageError(error)
        }
        guard actual == recorded else {
            throw refusal("E060", id: id, file: inventoryPath,
                          vi: "digest \(algorithm.rawValue) của bản kê gốc (\(actual ?? "?")) khác giá trị ghi trong \(sidecars[0].name) (\(recorded))",
                          en: "the root inventory's \(algorithm.rawValue) digest (\(actual ?? "?")) is not the one recorded in \(sidecars[0].name) (\(recorded))")
        }
    }

    private static func refusal(_ rule: String, id: String, file: String, vi: String, en: String) -> OCFLStorageError {
        OCFLStorageError(
            rule, path: file,
            vi: "Không ghi phiên bản mới cho đối tượng \(id): \(vi) (quy tắc OCFL \(rule), tệp \(file)). Không có gì bị thay đổi. "
                + "Hãy chạy `kho fixity sweep --object \(id)` để xác định hư hỏng và `kho repair --object \(id)` để khôi phục từ bản sao đã kiểm chứng.",
            en: "Refusing to write a new version of object \(id): \(en) (OCFL rule \(rule), file \(file)). Nothing was changed. "
                + "Run `kho fixity sweep --object \(id)` to find the damage and `kho repair --object \(id)` to restore it from a verified copy.")
    }
}
