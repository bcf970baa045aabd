package org.makerspace.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.projections.access.AccessDecision;
import org.makerspace.projections.access.AccessModel;
import org.makerspace.projections.access.AccessSubject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process access decision a controller's request ends in: {@link AccessModel#decide} for a card presented on
 * a machine, with 10,000 members and 100 machines in memory (10 labs of 10 machines of five types, opening hours set,
 * each member with one card and one to three certifications, some revoked, expired or suspended, some supervised,
 * 2 % of the cards unknown). Sampled per call, so the report has the median and the tail; the target is a
 * median under 2 µs. Two threads, as the HTTP server would call it on this 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AccessDecisionBenchmark {

    static final int MEMBERS = 10_000;
    static final int LABS = 10;
    static final int MACHINES_PER_LAB = 10;
    private static final MachineType[] TYPES = {MachineType.LASER_CUTTER, MachineType.PRINTER_3D,
            MachineType.CNC_MILL, MachineType.VINYL_CUTTER, MachineType.of("embroidery")};
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** A Wednesday at 15:00 in Paris, when every lab is open. */
    static final Instant NOW = Instant.parse("2026-11-18T14:00:00Z");
    private static final int REQUESTS = 1 << 16;

    private AccessModel model;
    private MachineId[] machines;
    private AccessSubject[] cards;
    private int[] requestMachine;
    private int[] requestCard;

    @Setup
    public void fill() {
        model = new AccessModel(Duration.ofMinutes(15));
        SplittableRandom random = new SplittableRandom(42);
        OpeningHours hours = weekdays();
        machines = new MachineId[LABS * MACHINES_PER_LAB];
        for (int lab = 0; lab < LABS; lab++) {
            LabId labId = LabId.of("lab-" + lab);
            model.apply(new OpeningHoursSet(labId, null, hours));
            for (int m = 0; m < MACHINES_PER_LAB; m++) {
                MachineId machine = MachineId.of("lab-" + lab + "-machine-" + m);
                machines[lab * MACHINES_PER_LAB + m] = machine;
                model.apply(new MachineRegistered(labId, machine, "Machine " + m, TYPES[m % TYPES.length],
                                                  RiskLevel.values()[m % 3], 120));
            }
        }
        List<AccessSubject> known = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            LabId lab = LabId.of("lab-" + (i % LABS));
            MemberId member = MemberId.of("member-" + i);
            model.apply(new MemberRegistered(member, lab, T0));
            String card = "cf2_" + String.format("%064x", i);
            model.apply(new MemberCardLinked(member, card, T0));
            known.add(AccessSubject.card(card));
            int certifications = 1 + random.nextInt(3);
            for (int c = 0; c < certifications; c++) {
                certify(member, lab, i + "-" + c, random);
            }
            if (random.nextInt(100) == 0) {
                model.apply(new MemberSuspended(member, "unpaid", T0.plusSeconds(60)));
            }
        }
        machinesAndCards(known, random);
    }

    private void certify(MemberId member, LabId lab, String id, SplittableRandom random) {
        CertificationId certification = CertificationId.of("cert-" + id);
        CertificationLevel level = random.nextInt(5) == 0 ? CertificationLevel.SUPERVISED : CertificationLevel.AUTONOMOUS;
        ExpiryRule expiry = switch (random.nextInt(4)) {
            case 0 -> new ExpiryRule.Never();
            case 1 -> new ExpiryRule.AfterPeriod(Period.ofMonths(6));
            case 2 -> new ExpiryRule.AfterInactivity(6);
            default -> new ExpiryRule.AfterPeriod(Period.ofYears(2));
        };
        model.apply(new MachineCertificationGranted(member, certification, lab,
                                                    new CertificationScope.MachineFamily(TYPES[random.nextInt(TYPES.length)]),
                                                    level, expiry, TrainerId.of("trainer"), T0.plusSeconds(random.nextInt(86_400 * 200))));
        if (random.nextInt(20) == 0) {
            model.apply(new MachineCertificationRevoked(member, certification, "misuse", NOW.minusSeconds(3600)));
        }
    }

    /** A fixed sequence of requests: members mostly at their own lab's machines, a few unknown cards. */
    private void machinesAndCards(List<AccessSubject> known, SplittableRandom random) {
        cards = new AccessSubject[known.size() + known.size() / 50];
        for (int i = 0; i < cards.length; i++) {
            cards[i] = i < known.size() ? known.get(i) : AccessSubject.card("cf2_unknown-" + i);
        }
        requestMachine = new int[REQUESTS];
        requestCard = new int[REQUESTS];
        for (int r = 0; r < REQUESTS; r++) {
            int card = random.nextInt(cards.length);
            int lab = card < known.size() ? card % LABS : random.nextInt(LABS);
            requestCard[r] = card;
            requestMachine[r] = lab * MACHINES_PER_LAB + random.nextInt(MACHINES_PER_LAB);
        }
    }

    private static OpeningHours weekdays() {
        List<OpeningHours.OpenPeriod> periods = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            periods.add(new OpeningHours.OpenPeriod(day, LocalTime.of(9, 0), LocalTime.of(22, 0)));
        }
        return new OpeningHours(ZoneId.of("Europe/Paris"), periods);
    }

    /** Each thread walks the request sequence from its own place. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = (int) (Thread.currentThread().getId() * 7919);
    }

    @Benchmark
    @Threads(2)
    public AccessDecision decideForACard(Cursor cursor) {
        int request = cursor.next++ & (REQUESTS - 1);
        return model.decide(machines[requestMachine[request]], cards[requestCard[request]], NOW);
    }

    @Benchmark
    @Threads(1)
    public AccessDecision decideForACardOneThread(Cursor cursor) {
        int request = cursor.next++ & (REQUESTS - 1);
        return model.decide(machines[requestMachine[request]], cards[requestCard[request]], NOW);
    }
}
