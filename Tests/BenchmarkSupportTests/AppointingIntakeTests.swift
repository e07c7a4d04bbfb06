import Domain
import IntakeGenerator
import Testing

/// `IntakeGenerator(appointmentRules: true)`: the same intake, with rule 8's kinds and slots.
@Suite struct AppointingIntakeTests {
    @Test func kindsAndSlotsAreAddedToTheSameIntake() {
        let plain = IntakeGenerator(newFellows: 40, seed: 7, seminars: false).scenario()
        let ruled = IntakeGenerator(newFellows: 40, seed: 7, seminars: false, appointmentRules: true).scenario()
        #expect(!plain.usesAppointmentRules && ruled.usesAppointmentRules)
        #expect(ruled.withoutAppointmentRules.funding == plain.funding)
        #expect(ruled.fellows == plain.fellows && ruled.preferences == plain.preferences)
        let grant = ruled.funding.first { $0.citizensOnly }
        #expect(grant?.kind == .trainingGrant && (grant?.slots ?? 0) > 0)
        #expect(ruled.funding.filter { $0.lab != nil }.allSatisfy { $0.kind == .federal })
    }
}
