package org.makerspace.api.demo;

import static org.makerspace.ledger.lab.api.MachineType.CNC_MILL;
import static org.makerspace.ledger.lab.api.MachineType.DARKROOM;
import static org.makerspace.ledger.lab.api.MachineType.DRONE;
import static org.makerspace.ledger.lab.api.MachineType.LASER_CUTTER;
import static org.makerspace.ledger.lab.api.MachineType.PRINTER_3D;
import static org.makerspace.ledger.lab.api.MachineType.VINYL_CUTTER;
import static org.makerspace.ledger.lab.api.MachineType.VR_HEADSET;
import static org.makerspace.ledger.member.api.CertificationLevel.AUTONOMOUS;
import static org.makerspace.ledger.member.api.CertificationLevel.SUPERVISED;
import static org.makerspace.ledger.member.api.CertificationLevel.TRAINER;
import static org.makerspace.ledger.member.api.ContributionRole.FACILITATOR;
import static org.makerspace.ledger.member.api.ContributionRole.HELPER;
import static org.makerspace.ledger.member.api.ContributionRole.MENTOR;
import static org.makerspace.ledger.member.api.ContributionRole.PARTICIPANT;
import static org.makerspace.ledger.member.api.ContributionRole.REPAIRER;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.DefineAchievement;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.PutMachineOutOfService;
import org.makerspace.ledger.lab.api.QualifyTrainer;
import org.makerspace.ledger.lab.api.RegisterLab;
import org.makerspace.ledger.lab.api.RegisterMachine;
import org.makerspace.ledger.lab.api.RegisterTrainer;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RecordWorkshopContribution;
import org.makerspace.ledger.member.api.RegisterMember;
import org.makerspace.ledger.member.api.ReinstateMachineCertification;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendMachineCertification;
import org.makerspace.ledger.member.api.SuspendMember;
import org.makerspace.ledger.member.api.TrainingId;

/**
 * The demo lab and its history, computed from a fixed seed and a fixed date: the same steps in the same order with the
 * same business times at every run, whatever the day. Nothing here reads the clock or sends anything; {@link DemoData}
 * replays the steps through the ledger's command path.
 *
 * <p>Fablab de la Cité: nine machines, four trainers, fifty learners registered over the fourteen months before
 * {@link #AS_OF}. Each learner had a safety induction and one to three machine courses, most followed by a
 * certification (minors stay supervised on the dangerous machines), a few of them suspended or revoked since, and some
 * workshop contributions; four badges reward some of them. Only lists are iterated, never sets or maps, whose order
 * could change between runs.
 */
final class DemoHistory {

    static final LabId LAB = LabId.of("fablab-demo");
    static final String LAB_NAME = "Fablab de la Cité";
    /** Every business time of the history lies before this day. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);
    static final String ADMIN_ACCOUNT = "demo-admin";

    private static final long SEED = 20_261_102L;
    private static final String SAFETY_INDUCTION = "safety-induction";
    private static final BigDecimal INDUCTION_HOURS = new BigDecimal("1.5");

    /** One step of the history, in the order it is recorded. */
    sealed interface Step {

        /** A command for the ledger. */
        record Send(Object command) implements Step {
        }

        /** A member's personal data, for the member directory, right after their registration. */
        record Profile(MemberProfile profile) implements Step {
        }

        /** A card handed to a member: its UID becomes the lab's fingerprint of it when it is linked. */
        record Card(MemberId memberId, String cardUid, Instant linkedAt) implements Step {
        }
    }

    /**
     * Steps that belong together: the lab's setup, one learner's history, the closing events. The chapters of two
     * learners touch different members only, so they may be recorded side by side; the others go in order.
     */
    record Chapter(String title, boolean oneLearner, List<Step> steps) {

        Chapter {
            steps = List.copyOf(steps);
        }
    }

    /** A demo trainer: the account that logs in, the trainer it is, and what it may certify. */
    record DemoTrainer(String account, TrainerId trainerId, List<MachineType> qualifications) {
    }

    /** A learner with a demo account, to look at a passport from the learner's side. */
    record DemoLearner(String account, MemberId memberId, String displayName, int birthYear, String cardUid) {
    }

    private record Machine(String id, String name, MachineType type, RiskLevel risk, int maxSessionMinutes) {
    }

    /** The course that leads to a certification on a machine type, and how that certification expires. */
    private record Course(MachineType type, String code, BigDecimal hours, ExpiryRule expiry, String onlyMachine) {

        CertificationScope scope() {
            return onlyMachine == null ? new CertificationScope.MachineFamily(type)
                    : new CertificationScope.OneMachine(MachineId.of(onlyMachine));
        }
    }

    private record Person(String displayName, int birthYear) {
    }

    private record Timed(Instant at, Object command) {
    }

    static final List<DemoTrainer> TRAINERS = List.of(
            new DemoTrainer("demo-trainer-1", TrainerId.of("t-camille"), List.of(LASER_CUTTER, CNC_MILL)),
            new DemoTrainer("demo-trainer-2", TrainerId.of("t-mehdi"), List.of(PRINTER_3D, LASER_CUTTER, VINYL_CUTTER)),
            new DemoTrainer("demo-trainer-3", TrainerId.of("t-sophie"), List.of(DARKROOM, VINYL_CUTTER, VR_HEADSET)),
            new DemoTrainer("demo-trainer-4", TrainerId.of("t-yannick"), List.of(DRONE, CNC_MILL, PRINTER_3D)));

    private static final List<Machine> MACHINES = List.of(
            new Machine("demo-laser-trotec", "Découpeuse laser Trotec Speedy 360 (80 W)", LASER_CUTTER, RiskLevel.HIGH, 120),
            new Machine("demo-laser-epilog", "Découpeuse laser Epilog Fusion Edge 24", LASER_CUTTER, RiskLevel.HIGH, 90),
            new Machine("demo-printer-prusa", "Imprimante 3D Prusa MK4", PRINTER_3D, RiskLevel.LOW, 720),
            new Machine("demo-printer-bambu", "Imprimante 3D Bambu Lab X1 Carbon", PRINTER_3D, RiskLevel.LOW, 600),
            new Machine("demo-cnc-mill", "Fraiseuse numérique Stepcraft D.840", CNC_MILL, RiskLevel.HIGH, 180),
            new Machine("demo-vinyl-cutter", "Plotter de découpe Roland CAMM-1 GS2-24", VINYL_CUTTER, RiskLevel.LOW, 240),
            new Machine("demo-darkroom", "Chambre noire (agrandisseur Durst M605)", DARKROOM, RiskLevel.MEDIUM, 240),
            new Machine("demo-drone", "Drone DJI Mini 4 Pro", DRONE, RiskLevel.MEDIUM, 30),
            new Machine("demo-vr-headset", "Casque de réalité virtuelle Meta Quest 3", VR_HEADSET, RiskLevel.LOW, 45));

    private static final List<Course> COURSES = List.of(
            new Course(LASER_CUTTER, "laser-basics", new BigDecimal("3"), new ExpiryRule.AfterPeriod(Period.ofYears(1)), null),
            new Course(PRINTER_3D, "3d-printing-intro", new BigDecimal("2"), new ExpiryRule.Never(), null),
            new Course(CNC_MILL, "cnc-safety", new BigDecimal("4"), new ExpiryRule.AfterInactivity(6), null),
            new Course(VINYL_CUTTER, "vinyl-intro", new BigDecimal("1.5"), new ExpiryRule.Never(), null),
            new Course(DARKROOM, "darkroom-bw", new BigDecimal("3"), new ExpiryRule.AfterPeriod(Period.ofYears(2)),
                       "demo-darkroom"),
            // The drone's insurance ends then; certifications on it end with it.
            new Course(DRONE, "drone-pilot", new BigDecimal("6"),
                       new ExpiryRule.OnDate(Instant.parse("2027-06-30T22:00:00Z")), "demo-drone"),
            new Course(VR_HEADSET, "vr-intro", BigDecimal.ONE, new ExpiryRule.Never(), null));

    /** Machine types as often as learners ask for them: lasers and printers first. */
    private static final List<MachineType> POPULARITY = List.of(
            LASER_CUTTER, LASER_CUTTER, LASER_CUTTER, LASER_CUTTER, PRINTER_3D, PRINTER_3D, PRINTER_3D, PRINTER_3D,
            VINYL_CUTTER, VINYL_CUTTER, VR_HEADSET, VR_HEADSET, CNC_MILL, DARKROOM, DRONE);

    private static final List<ContributionRole> ROLES = List.of(
            PARTICIPANT, PARTICIPANT, PARTICIPANT, HELPER, HELPER, HELPER, REPAIRER, REPAIRER, FACILITATOR, MENTOR);

    private static final List<String> WORKSHOPS = List.of(
            "Fête de la science", "Portes ouvertes du fablab", "Initiation Arduino", "Atelier couture numérique",
            "Soirée découpe laser", "Impression 3D pour les collégiens", "Chantier participatif : nouvel établi",
            "Atelier luminaires en contreplaqué", "Stage photo argentique");

    private static final List<String> SUSPENSION_REASONS = List.of(
            "découpe lancée capot ouvert, incident en cours d'examen",
            "machine laissée sans surveillance pendant une découpe",
            "réglages de la machine modifiés sans accord d'un formateur");

    private static final List<String> REVOCATION_REASONS = List.of(
            "consignes de sécurité ignorées à plusieurs reprises",
            "certification accordée par erreur : la formation pratique n'a pas eu lieu");

    /** The fifty learners, in the order they appear; the first two have demo accounts. Minors are born after 2008. */
    private static final List<Person> PEOPLE = List.of(
            new Person("Léa", 1994), new Person("Zoé", 2010), new Person("Hugo", 1988), new Person("Chloé", 2001),
            new Person("Lucas", 1997), new Person("Manon", 1992), new Person("Nathan", 2009), new Person("Inès", 1999),
            new Person("Théo", 2003), new Person("Jade", 2011), new Person("Louis", 1985), new Person("Emma", 1996),
            new Person("Gabriel", 2008), new Person("Lina", 2010), new Person("Arthur", 1979), new Person("Sarah", 1990),
            new Person("Raphaël", 1983), new Person("Jules", 2009), new Person("Louise", 1975), new Person("Adam", 2011),
            new Person("Alice", 1998), new Person("Mathis", 2005), new Person("Clara", 1987), new Person("Noah", 2010),
            new Person("Juliette", 1993), new Person("Tom", 2007), new Person("Anaïs", 1981), new Person("Enzo", 2002),
            new Person("Margaux", 1995), new Person("Yanis", 2009), new Person("Élise", 1970), new Person("Baptiste", 1986),
            new Person("Nina", 2004), new Person("Maxime", 1991), new Person("Agathe", 1977), new Person("Karim", 1972),
            new Person("Fatou", 1989), new Person("Mathilde", 1984), new Person("Antoine", 1968), new Person("Océane", 2000),
            new Person("Samuel", 1980), new Person("Amina", 2006), new Person("Quentin", 1982), new Person("Pauline", 1978),
            new Person("Bernard", 1960), new Person("Monique", 1962), new Person("Gérard", 1964), new Person("Sylvie", 1966),
            new Person("Thierry", 1971), new Person("Nadia", 1974));

    private final Random random = new Random(SEED);
    private final List<Chapter> chapters = new ArrayList<>();
    private final List<DemoLearner> learners = new ArrayList<>();
    private String chapterTitle;
    private boolean chapterOfOneLearner;
    private List<Step> steps = new ArrayList<>();

    private DemoHistory() {
    }

    /** The whole history; every call computes the very same one. */
    static DemoHistory generate() {
        DemoHistory history = new DemoHistory();
        history.begin("the lab, its trainers and badges", false);
        history.lab();
        history.achievements();
        history.begin("Léa", true);
        history.lea();
        history.begin("Zoé", true);
        history.zoe();
        for (int number = 3; number <= PEOPLE.size(); number++) {
            history.begin(PEOPLE.get(number - 1).displayName(), true);
            history.anyLearner(number);
        }
        history.begin("last week", false);
        history.printerBreakdown();
        history.begin(null, false);
        return history;
    }

    List<Chapter> chapters() {
        return List.copyOf(chapters);
    }

    /** Every step, chapter after chapter. */
    List<Step> steps() {
        return chapters.stream().flatMap(chapter -> chapter.steps().stream()).toList();
    }

    /** The learners with demo accounts. */
    List<DemoLearner> learners() {
        return List.copyOf(learners);
    }

    static int machineCount() {
        return MACHINES.size();
    }

    static int memberCount() {
        return PEOPLE.size();
    }

    // ------------------------------------------------------------------ the lab

    private void lab() {
        send(new RegisterLab(LAB, LAB_NAME, "https://fablab-demo.example.org", "bonjour@fablab-demo.example.org"));
        for (Machine machine : MACHINES) {
            send(new RegisterMachine(LAB, MachineId.of(machine.id()), machine.name(), machine.type(), machine.risk(),
                                     machine.maxSessionMinutes(), at(AS_OF.minusDays(450), 9, 0)));
        }
        for (DemoTrainer trainer : TRAINERS) {
            send(new RegisterTrainer(LAB, trainer.trainerId()));
            for (MachineType type : trainer.qualifications()) {
                send(new QualifyTrainer(LAB, trainer.trainerId(), type));
            }
        }
    }

    private void achievements() {
        send(new DefineAchievement(AchievementId.of("demo-laser-pilot"), LAB, "Pilote laser",
                                   "Découpe et grave en autonomie sur les découpeuses laser du fablab.",
                                   List.of(new Criterion.TrainingCompleted("laser-basics"),
                                           new Criterion.CertificationHeld(LASER_CUTTER, AUTONOMOUS)), null));
        send(new DefineAchievement(AchievementId.of("demo-3d-printing"), LAB, "Impression 3D",
                                   "Prépare, lance et surveille ses impressions 3D sans aide.",
                                   List.of(new Criterion.TrainingCompleted("3d-printing-intro"),
                                           new Criterion.CertificationHeld(PRINTER_3D, AUTONOMOUS)), null));
        send(new DefineAchievement(AchievementId.of("demo-helping-hand"), LAB, "Coup de main",
                                   "A prêté main-forte à au moins trois ateliers du fablab.",
                                   List.of(new Criterion.ContributionsMade(HELPER, 3)), null));
        send(new DefineAchievement(AchievementId.of("demo-repair-cafe"), LAB, "Pilier du Repair Café",
                                   "A réparé des objets à au moins deux Repair Cafés, après l'accueil sécurité.",
                                   List.of(new Criterion.TrainingCompleted(SAFETY_INDUCTION),
                                           new Criterion.ContributionsMade(REPAIRER, 2)), null));
    }

    /** The printer that broke down a week ago and waits for its part: machine access tells why. */
    private void printerBreakdown() {
        send(new PutMachineOutOfService(LAB, MachineId.of("demo-printer-bambu"),
                                        "buse bouchée, pièce de rechange commandée", at(AS_OF.minusDays(6), 17, 30)));
    }

    // ------------------------------------------------------------------ learners

    /** Léa, demo learner 1: an adult regular who earned three badges. */
    private void lea() {
        LocalDate registered = AS_OF.minusDays(300);
        Timeline lea = register(1, registered);
        learnerAccount(1);
        TrainerId mehdi = trainer(1);
        TrainerId camille = trainer(0);
        lea.training(SAFETY_INDUCTION, INDUCTION_HOURS, mehdi, at(registered.plusDays(1), 18, 0));
        lea.training(course(PRINTER_3D), mehdi, at(registered.plusDays(10), 18, 0));
        lea.certify(course(PRINTER_3D), AUTONOMOUS, mehdi, at(registered.plusDays(14), 19, 0));
        lea.training(course(LASER_CUTTER), camille, at(registered.plusDays(40), 14, 0));
        lea.certify(course(LASER_CUTTER), AUTONOMOUS, camille, at(registered.plusDays(47), 16, 30));
        lea.contribute("Fête de la science", HELPER, new BigDecimal("6"), at(registered.plusDays(60), 10, 0));
        lea.contribute("Soirée découpe laser", HELPER, new BigDecimal("3"), at(registered.plusDays(95), 19, 0));
        lea.contribute("Portes ouvertes du fablab", HELPER, new BigDecimal("4"), at(registered.plusDays(150), 14, 0));
        lea.contribute("Atelier luminaires en contreplaqué", MENTOR, new BigDecimal("3"),
                       at(registered.plusDays(210), 18, 30));
        lea.record();
    }

    /** Zoé, demo learner 2: a minor, supervised on the laser, autonomous on the printers. */
    private void zoe() {
        LocalDate registered = AS_OF.minusDays(120);
        Timeline zoe = register(2, registered);
        learnerAccount(2);
        TrainerId sophie = trainer(2);
        TrainerId yannick = trainer(3);
        TrainerId camille = trainer(0);
        zoe.training(SAFETY_INDUCTION, INDUCTION_HOURS, sophie, at(registered, 15, 0));
        zoe.training(course(PRINTER_3D), yannick, at(registered.plusDays(7), 15, 0));
        zoe.certify(course(PRINTER_3D), AUTONOMOUS, yannick, at(registered.plusDays(21), 16, 0));
        zoe.training(course(LASER_CUTTER), camille, at(registered.plusDays(35), 14, 0));
        zoe.certify(course(LASER_CUTTER), SUPERVISED, camille, at(registered.plusDays(42), 15, 30));
        zoe.training(course(VINYL_CUTTER), sophie, at(registered.plusDays(80), 15, 0));
        zoe.contribute("Impression 3D pour les collégiens", PARTICIPANT, new BigDecimal("2"),
                       at(registered.plusDays(50), 14, 0));
        zoe.contribute("Fête de la science", HELPER, new BigDecimal("4"), at(registered.plusDays(66), 10, 0));
        zoe.record();
    }

    private void anyLearner(int number) {
        Person person = PEOPLE.get(number - 1);
        boolean minor = isMinor(person);
        LocalDate registered = AS_OF.minusDays(30 + random.nextInt(390));
        Timeline learner = register(number, registered);
        LocalDate day = registered.plusDays(random.nextInt(7));
        learner.training(SAFETY_INDUCTION, INDUCTION_HOURS, anyTrainer(), at(day, hour(), 0));
        for (MachineType type : machineTypesFor(minor)) {
            day = day.plusDays(3 + random.nextInt(45));
            if (!day.isBefore(AS_OF)) {
                break;
            }
            Course course = course(type);
            TrainerId trainer = trainerOf(type);
            learner.training(course, trainer, at(day, hour(), 0));
            LocalDate certified = day.plusDays(random.nextInt(21));
            if (random.nextInt(100) < 20 || !certified.isBefore(AS_OF)) {
                continue; // not certified, or not yet
            }
            CertificationId certification = learner.certify(course, level(type, minor), trainer,
                                                            at(certified, hour(), 30));
            troubleAfter(learner, certification, certified);
        }
        int contributions = List.of(0, 0, 1, 1, 2, 3, 3, 4, 5, 6).get(random.nextInt(10));
        long days = ChronoUnit.DAYS.between(registered, AS_OF);
        for (int i = 0; i < contributions; i++) {
            ContributionRole role = minor ? (random.nextBoolean() ? PARTICIPANT : HELPER)
                    : ROLES.get(random.nextInt(ROLES.size()));
            String workshop = role == REPAIRER ? "Repair Café" : WORKSHOPS.get(random.nextInt(WORKSHOPS.size()));
            BigDecimal hours = role == FACILITATOR ? new BigDecimal("4") : new BigDecimal("2.5");
            learner.contribute(workshop, role, hours, at(registered.plusDays(1 + random.nextInt((int) days - 1)), hour(), 0));
        }
        if (random.nextInt(100) < 4) {
            learner.suspend("cotisation annuelle non réglée", at(AS_OF.minusDays(1 + random.nextInt(20)), 9, 0));
        }
        learner.record();
    }

    /** Now and then a certification is suspended (and perhaps reinstated after review) or revoked. */
    private void troubleAfter(Timeline learner, CertificationId certification, LocalDate certified) {
        int fate = random.nextInt(100);
        LocalDate incident = certified.plusDays(5 + random.nextInt(60));
        if (fate >= 16 || !incident.isBefore(AS_OF)) {
            return;
        }
        if (fate < 6) {
            learner.revoke(certification, REVOCATION_REASONS.get(random.nextInt(REVOCATION_REASONS.size())),
                           at(incident, 18, 0));
            return;
        }
        learner.suspendCertification(certification, SUSPENSION_REASONS.get(random.nextInt(SUSPENSION_REASONS.size())),
                                     at(incident, 18, 0));
        LocalDate review = incident.plusDays(7 + random.nextInt(21));
        if (random.nextInt(100) < 40 && review.isBefore(AS_OF)) {
            learner.reinstate(certification, at(review, 12, 0));
        }
    }

    private List<MachineType> machineTypesFor(boolean minor) {
        int wanted = 1 + random.nextInt(3);
        List<MachineType> chosen = new ArrayList<>();
        for (int draw = 0; draw < 20 && chosen.size() < wanted; draw++) {
            MachineType type = POPULARITY.get(random.nextInt(POPULARITY.size()));
            if (!chosen.contains(type) && !(minor && type.equals(CNC_MILL))) {
                chosen.add(type);
            }
        }
        return chosen;
    }

    /** Minors stay supervised on dangerous machines and never train others; adults mostly work alone. */
    private CertificationLevel level(MachineType type, boolean minor) {
        boolean dangerous = MACHINES.stream().anyMatch(m -> m.type().equals(type) && m.risk() == RiskLevel.HIGH);
        int roll = random.nextInt(100);
        if (minor) {
            return dangerous || roll < 40 ? SUPERVISED : AUTONOMOUS;
        }
        return roll < 25 ? SUPERVISED : roll < 92 ? AUTONOMOUS : TRAINER;
    }

    private TrainerId trainerOf(MachineType type) {
        List<TrainerId> qualified = TRAINERS.stream().filter(t -> t.qualifications().contains(type))
                .map(DemoTrainer::trainerId).toList();
        return qualified.get(random.nextInt(qualified.size()));
    }

    private TrainerId anyTrainer() {
        return trainer(random.nextInt(TRAINERS.size()));
    }

    private static TrainerId trainer(int index) {
        return TRAINERS.get(index).trainerId();
    }

    private static Course course(MachineType type) {
        return COURSES.stream().filter(course -> course.type().equals(type)).findFirst().orElseThrow();
    }

    private static boolean isMinor(Person person) {
        return AS_OF.getYear() - person.birthYear() < 18;
    }

    /** Open from 10:00 to 21:00, courses start on the hour. */
    private int hour() {
        return 10 + random.nextInt(10);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private static MemberId memberId(int number) {
        return MemberId.of(String.format("demo-m%02d", number));
    }

    /** Registers the learner at 9:30 on that day, with their personal data and a card; returns their timeline. */
    private Timeline register(int number, LocalDate day) {
        Person person = PEOPLE.get(number - 1);
        MemberId member = memberId(number);
        Instant registeredAt = at(day, 9, 30);
        send(new RegisterMember(member, LAB, registeredAt));
        steps.add(new Step.Profile(new MemberProfile(member.toString(), LAB.toString(), person.displayName(), null,
                                                     person.birthYear(), false)));
        steps.add(new Step.Card(member, cardUid(), registeredAt));
        return new Timeline(member);
    }

    private void learnerAccount(int number) {
        Person person = PEOPLE.get(number - 1);
        Step.Card card = (Step.Card) steps.get(steps.size() - 1);
        learners.add(new DemoLearner("demo-learner-" + number, memberId(number), person.displayName(),
                                     person.birthYear(), card.cardUid()));
    }

    /** A 7-byte UID as NFC tags have, manufacturer byte 04 first, written as readers print it. */
    private String cardUid() {
        byte[] uid = new byte[7];
        random.nextBytes(uid);
        uid[0] = 0x04;
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(uid);
    }

    /** Closes the chapter being written and opens the next one ({@code null}: none). */
    private void begin(String title, boolean oneLearner) {
        if (chapterTitle != null) {
            chapters.add(new Chapter(chapterTitle, chapterOfOneLearner, steps));
        }
        chapterTitle = title;
        chapterOfOneLearner = oneLearner;
        steps = new ArrayList<>();
    }

    private void send(Object command) {
        steps.add(new Step.Send(command));
    }

    /** What happened to one learner, recorded in the order it happened once the learner is complete. */
    private final class Timeline {

        private final MemberId member;
        private final List<Timed> entries = new ArrayList<>();
        private int sequence;

        Timeline(MemberId member) {
            this.member = member;
        }

        void training(Course course, TrainerId trainer, Instant at) {
            training(course.code(), course.hours(), trainer, at);
        }

        void training(String courseCode, BigDecimal hours, TrainerId trainer, Instant at) {
            entries.add(new Timed(at, new RecordTrainingCompletion(member, TrainingId.of(nextId("t")), LAB, courseCode,
                                                                   hours, trainer, at)));
        }

        CertificationId certify(Course course, CertificationLevel level, TrainerId trainer, Instant at) {
            CertificationId id = CertificationId.of(nextId("c"));
            entries.add(new Timed(at, new GrantMachineCertification(member, id, LAB, course.scope(), level,
                                                                    course.expiry(), trainer, at)));
            return id;
        }

        void suspendCertification(CertificationId id, String reason, Instant at) {
            entries.add(new Timed(at, new SuspendMachineCertification(member, id, reason, at)));
        }

        void reinstate(CertificationId id, Instant at) {
            entries.add(new Timed(at, new ReinstateMachineCertification(member, id, at)));
        }

        void revoke(CertificationId id, String reason, Instant at) {
            entries.add(new Timed(at, new RevokeMachineCertification(member, id, reason, at)));
        }

        void contribute(String workshop, ContributionRole role, BigDecimal hours, Instant at) {
            entries.add(new Timed(at, new RecordWorkshopContribution(member, ContributionId.of(nextId("w")), LAB,
                                                                     workshop, role, hours, at)));
        }

        void suspend(String reason, Instant at) {
            entries.add(new Timed(at, new SuspendMember(member, reason, at)));
        }

        /** Appends the learner's commands to the history, oldest first (ties keep the order they were written in). */
        void record() {
            entries.sort(Comparator.comparing(Timed::at));
            entries.forEach(entry -> send(entry.command()));
        }

        private String nextId(String kind) {
            return member + "-" + kind + (++sequence);
        }
    }
}
