package org.makerspace.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.api.demo.DemoHistory.Step;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendMachineCertification;

/** The demo history is the same at every run, lies in the past of its fixed date, and looks like a real lab. */
class DemoHistoryTest {

    private final List<Step> steps = DemoHistory.generate().steps();

    @Test
    void isTheSameHistoryAtEveryRun() {
        assertThat(DemoHistory.generate().steps()).isEqualTo(steps);
        assertThat(DemoHistory.generate().learners()).isEqualTo(DemoHistory.generate().learners());
    }

    @Test
    void everyBusinessTimeLiesBeforeTheFixedDate() {
        Instant asOf = DemoHistory.AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Instant> times = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Send send && send.command() instanceof Record command) {
                times.addAll(instantsOf(command));
            }
        }
        assertThat(times).hasSizeGreaterThan(200).allMatch(time -> time.isBefore(asOf));
    }

    @Test
    void fiftyLearnersWithoutEmailsBornFrom1960To2011IncludingMinors() {
        List<MemberProfile> profiles = steps.stream().filter(Step.Profile.class::isInstance)
                .map(step -> ((Step.Profile) step).profile()).toList();

        assertThat(profiles).hasSize(50).allMatch(profile -> profile.email() == null)
                .allMatch(profile -> profile.birthYear() >= 1960 && profile.birthYear() <= 2011);
        assertThat(profiles).filteredOn(profile -> profile.birthYear() >= 2009).hasSizeGreaterThanOrEqualTo(5);
        assertThat(profiles).extracting(MemberProfile::memberId).doesNotHaveDuplicates();
    }

    @Test
    void certifiesMostLearnersAndSuspendsOrRevokesAFew() {
        assertThat(commands(GrantMachineCertification.class)).hasSizeGreaterThan(50);
        assertThat(commands(SuspendMachineCertification.class)).isNotEmpty();
        assertThat(commands(RevokeMachineCertification.class)).isNotEmpty();
        assertThat(commands(GrantMachineCertification.class)).extracting(GrantMachineCertification::level)
                .extracting(Enum::name).contains("SUPERVISED", "AUTONOMOUS", "TRAINER");
    }

    private <T> List<T> commands(Class<T> type) {
        return steps.stream().filter(Step.Send.class::isInstance).map(step -> ((Step.Send) step).command())
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Instant> instantsOf(Record command) {
        List<Instant> instants = new ArrayList<>();
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getType() == Instant.class) {
                try {
                    instants.add((Instant) component.getAccessor().invoke(command));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return instants;
    }
}
