/// Hashing started from the root inventory's digest claims as soon as the document parses, while its checks run.
/// It is kept only when the checks read the same claims (they always should); otherwise it is stopped and its
/// results dropped, so that what is hashed and reported is always what the checked inventory claims.
struct EarlyDigestStart {
    private let claims: DigestClaims
    private let plan: DigestPlan
    private let started: ContentDigestCheck.Started

    /// Reads the claims of `tape` as `check` would and starts hashing them with `digests`.
    init(tape: JSONTape, check: InventoryCheck, digests: ContentDigestCheck, fixity: Bool) {
        claims = check.digestClaims(in: tape)
        var plan = DigestPlan()
        plan.add(claims, of: tape, label: "inventory.json", fixity: fixity)
        self.plan = plan
        started = digests.start(plan)
    }

    /// The plan and the hashing under way when `inventory` was checked with the same claims; nil (and the hashing
    /// stopped) when not.
    func adopt(for inventory: ParsedInventory) -> (plan: DigestPlan, started: ContentDigestCheck.Started)? {
        guard inventory.usable, inventory.claims == claims else {
            abandon()
            return nil
        }
        return (plan, started)
    }

    /// Stops the hashing and drops what it found.
    func abandon() { started.abandon() }
}
