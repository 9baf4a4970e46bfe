import Foundation

/// An endpoint's secrets across a rotation: after `rotated(to:at:)` the old secret stays valid for
/// `overlap` (24 hours), and both signatures are sent meanwhile.
public struct SecretRotation: Sendable, Equatable {
    /// How long a rotated-out secret is still signed with.
    public static let overlap: TimeInterval = 24 * 3600

    /// The secret in use.
    public private(set) var current: WebhookSecret
    /// The secret rotated out, and until when it is still signed with.
    public private(set) var previous: (secret: WebhookSecret, validUntil: Date)?

    /// An endpoint's single secret, no rotation under way.
    public init(current: WebhookSecret) { self.current = current }

    /// `newSecret` becomes current at `now`; the current one stays valid until `now + overlap`.
    public func rotated(to newSecret: WebhookSecret, at now: Date) -> SecretRotation {
        var next = SecretRotation(current: newSecret)
        next.previous = (current, now.addingTimeInterval(Self.overlap))
        return next
    }

    /// The secrets to sign with at `now`: the current one, and the previous one while it is valid.
    public func activeSecrets(at now: Date) -> [WebhookSecret] {
        guard let previous, now < previous.validUntil else { return [current] }
        return [current, previous.secret]
    }

    public static func == (lhs: SecretRotation, rhs: SecretRotation) -> Bool {
        lhs.current == rhs.current && lhs.previous?.secret == rhs.previous?.secret
            && lhs.previous?.validUntil == rhs.previous?.validUntil
    }
}
