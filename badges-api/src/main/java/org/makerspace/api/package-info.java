/** The Spring Boot application that serves the ledger to trainers, learners, machines and employers. */
package org.makerspace.api;
