package org.makerspace.api.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The storage alone, without the application: the source of a context for commands that copy the data as it is
 * stored ({@code backup}, {@code restore}), where starting processors, issuers or the first-start setup would write
 * into what is being copied. Settings are read as the application reads them ({@code application.yml}, environment,
 * command line). Deliberately not a {@code @Configuration}: the application's component scan leaves it alone.
 */
@Import(StorageConfiguration.class)
@EnableConfigurationProperties(LedgerProperties.class)
public class StandaloneStorage {
}
