package org.makerspace.ledger.achievement;

import org.makerspace.ledger.achievement.api.HostedImage;

/**
 * The uploaded badge images this installation stores. The application stores an image durably before it sends a
 * command naming it; the achievement asks here all the same, so that no version of a badge can name an image nobody
 * can fetch, whoever sends the command. Images are never deleted, so an answer once true stays true. Command handlers
 * receive it as a parameter, resolved by Axon from the registered resources.
 */
@FunctionalInterface
public interface UploadedImages {

    boolean isStored(HostedImage image);
}
