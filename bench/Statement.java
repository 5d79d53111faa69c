import app.atelier.bank.CreditorReference;
import app.atelier.support.BankFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Writes a day statement (camt.053.001.08) of N credits for organisations 1 and 2, most with their creditor reference,
 * one in ten with none, as bench/bank.sh imports it. Usage (see bench/bank.sh for the class path): java -cp
 * target/classes:target/test-classes:&lt;dependencies&gt; bench/Statement.java N file
 */
public class Statement {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        var entries = new ArrayList<BankFiles.Entry>();
        for (int i = 1; i <= count; i++) {
            String reference = "BENCH-" + i;
            entries.add(i % 10 == 0 ? BankFiles.Entry.inWithText(reference, "12.00", "transfer " + i, "Someone")
                    : BankFiles.Entry.in(reference, (10 + i % 90) + ".00", CreditorReference.of(1 + i % 2), "Organisation " + (1 + i % 2)));
        }
        Files.writeString(Path.of(args[1]), BankFiles.statement("BENCH", entries));
    }
}
