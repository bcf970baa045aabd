/** Messages of the member feature: the learner's skills passport (trainings, certifications, contributions, cards). */
package org.makerspace.ledger.member.api;
