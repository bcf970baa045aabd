/**
 * The lab as the consistency boundary of its trainers, machines and partners: who may certify on which machine type,
 * which machines exist and whether they are in service, and which other issuers' credentials it recognises. Other
 * features check these facts through {@link org.makerspace.ledger.lab.LabRules}, which reads the lab's own events,
 * never a read model.
 */
package org.makerspace.ledger.lab;
