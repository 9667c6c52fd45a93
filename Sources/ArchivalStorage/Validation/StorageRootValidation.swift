/// placeholder
struct StorageRootValidation {
    var root: String
    var options: OCFLValidator.Options
    func run() -> ValidationReport { ValidationReport(subject: .storageRoot, path: root, checkedDigests: options.checkDigests) }
}
