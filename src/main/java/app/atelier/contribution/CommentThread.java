package app.atelier.contribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A comment with its replies, in the order they were written. */
public record CommentThread(Comment comment, List<CommentThread> replies) {

    /** Builds the threads from comments listed oldest first (a reply always comes after its parent). */
    static List<CommentThread> of(List<Comment> comments) {
        Map<Long, CommentThread> byId = new LinkedHashMap<>();
        List<CommentThread> roots = new ArrayList<>();
        for (Comment c : comments) {
            var thread = new CommentThread(c, new ArrayList<>());
            byId.put(c.id(), thread);
            CommentThread parent = c.parentId() == null ? null : byId.get(c.parentId());
            (parent == null ? roots : parent.replies()).add(thread);
        }
        return roots;
    }

    /** Whether a comment still open to replies is among these threads. */
    static boolean answerable(List<CommentThread> threads, long commentId) {
        return threads.stream().anyMatch(t -> (t.comment().id() == commentId && !t.comment().deleted()) || answerable(t.replies(), commentId));
    }
}
