package org.makerspace.api;

import java.util.Arrays;
import org.makerspace.api.backup.BackupCommand;
import org.makerspace.api.rebuild.RebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The makerspace skills and badge ledger: HTTP API, web pages and Open Badges endpoints. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BadgesApplication {

    public static void main(String[] args) {
        // Axon's update checker ignores the Spring property in this version; many labs have no network anyway.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (args.length > 0 && args[0].equals(RebuildCommand.NAME)) {
            System.exit(RebuildCommand.run(Arrays.copyOfRange(args, 1, args.length), BadgesApplication.class,
                                           System.out));
        }
        if (args.length > 0 && (args[0].equals(BackupCommand.BACKUP) || args[0].equals(BackupCommand.RESTORE))) {
            System.exit(BackupCommand.run(args[0], Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(BadgesApplication.class, args);
    }
}
