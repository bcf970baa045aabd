package org.makerspace.api.award;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.award.AwardDecisions;
import org.makerspace.projections.award.AwardReconciliation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The award decisions, which record their awards through the command bus, and their reconciliation. */
@Configuration(proxyBeanMethods = false)
class AwardConfiguration {

    @Bean(destroyMethod = "close")
    CommandBusAwardRecorder awardRecorder(CommandGateway gateway) {
        return new CommandBusAwardRecorder(gateway);
    }

    @Bean
    AwardDecisions awardDecisions(LedgerStorage storage, CommandBusAwardRecorder recorder) {
        return new AwardDecisions(storage, recorder);
    }

    @Bean
    AwardReconciliation awardReconciliation(AwardDecisions decisions, CommandBusAwardRecorder recorder) {
        return new AwardReconciliation(decisions, recorder);
    }
}
