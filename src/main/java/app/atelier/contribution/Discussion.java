package app.atelier.contribution;

import java.util.List;

/**
 * One page of a contribution's comment threads, each thread whole.
 * @param later whether threads come before these ones, so that a link leads back to the first
 * @param next the first comment of the next page's first thread, or null on the last page
 */
public record Discussion(List<CommentThread> threads, boolean later, Long next) {
    static final int THREADS = 50;
}
