package app.atelier.bank;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a bank reports on the platform's account, read with Prowide's ISO 20022 model: a day's statement
 * (camt.053.001.08) or a notification (camt.054.001.08). Each booked transaction is one {@link Entry}; entries still
 * pending are left for the statement that books them.
 */
public final class BankStatement {
    /** A camt.053 or camt.054 of another version, or not one at all: its message key. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unreadable(String key) {
            super(key);
        }
    }

    /**
     * One booked transaction: the bank's own reference for it (unique on the account, so it keys what it records),
     * money in ({@code credit}) or out, in cents, the day it was booked, the creditor reference it carried (or its
     * free text), who sent it, and for a transfer the bank returns, its end-to-end id and the reason code.
     */
    public record Entry(String reference, boolean credit, long amount, String currency, LocalDate bookedOn, String creditorReference, String information,
                        String counterparty, String endToEndId, String returnReason) {
        /** The organisation whose creditor reference the entry carries, structured or in its free text. */
        public Optional<Long> organisation() {
            return CreditorReference.organisation(creditorReference).or(() -> CreditorReference.find(information));
        }
    }

    private BankStatement() {
    }

    /** The booked entries of the file; anything it cannot read is {@link Unreadable}, never half read. */
    public static List<Entry> read(String xml) {
        try {
            return entries(xml);
        } catch (Unreadable e) {
            throw e;
        } catch (RuntimeException e) { // Prowide leaves what it cannot read empty or null
            throw new Unreadable("bank.fileUnreadable");
        }
    }

    private static List<Entry> entries(String xml) {
        List<ReportEntry10> entries;
        if (xml.contains("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08")) {
            entries = MxCamt05300108.parse(xml).getBkToCstmrStmt().getStmt().stream().flatMap(s -> s.getNtry().stream()).toList();
        } else if (xml.contains("urn:iso:std:iso:20022:tech:xsd:camt.054.001.08")) {
            entries = MxCamt05400108.parse(xml).getBkToCstmrDbtCdtNtfctn().getNtfctn().stream().flatMap(n -> n.getNtry().stream()).toList();
        } else {
            throw new Unreadable("bank.fileKind");
        }
        var read = new ArrayList<Entry>();
        for (var entry : entries) {
            if (entry.getSts() == null || !"BOOK".equals(entry.getSts().getCd())) continue;
            var transactions = entry.getNtryDtls().stream().flatMap(d -> d.getTxDtls().stream()).toList();
            if (transactions.size() <= 1) {
                read.add(entry(entry, transactions.isEmpty() ? null : transactions.get(0), reference(entry)));
            } else {
                for (int i = 0; i < transactions.size(); i++) read.add(entry(entry, transactions.get(i), reference(entry) + "/" + (i + 1)));
            }
        }
        return read;
    }

    private static String reference(ReportEntry10 entry) {
        String reference = entry.getAcctSvcrRef() != null ? entry.getAcctSvcrRef() : entry.getNtryRef();
        if (reference == null || reference.isBlank()) throw new Unreadable("bank.entryWithoutReference");
        return reference.strip();
    }

    private static Entry entry(ReportEntry10 entry, EntryTransaction10 transaction, String reference) {
        var amount = transaction != null && transaction.getAmt() != null ? transaction.getAmt() : entry.getAmt();
        boolean credit = (transaction != null && transaction.getCdtDbtInd() != null ? transaction.getCdtDbtInd() : entry.getCdtDbtInd()) == CreditDebitCode.CRDT;
        LocalDate booked = entry.getBookgDt() == null ? null : entry.getBookgDt().getDt() != null ? entry.getBookgDt().getDt()
                : entry.getBookgDt().getDtTm() != null ? entry.getBookgDt().getDtTm().toLocalDate() : null;
        String structured = null;
        var information = new ArrayList<String>();
        String counterparty = null;
        String endToEnd = null;
        String reason = null;
        if (transaction != null) {
            var remittance = transaction.getRmtInf();
            if (remittance != null) {
                structured = remittance.getStrd().stream().filter(s -> s.getCdtrRefInf() != null && s.getCdtrRefInf().getRef() != null)
                        .map(s -> s.getCdtrRefInf().getRef()).findFirst().orElse(null);
                information.addAll(remittance.getUstrd());
            }
            var parties = transaction.getRltdPties();
            if (parties != null) {
                var party = credit ? parties.getDbtr() : parties.getCdtr();
                if (party != null && party.getPty() != null) counterparty = party.getPty().getNm();
            }
            if (transaction.getRefs() != null) endToEnd = transaction.getRefs().getEndToEndId();
            if (transaction.getRtrInf() != null && transaction.getRtrInf().getRsn() != null) {
                reason = Stream.of(transaction.getRtrInf().getRsn().getCd(), transaction.getRtrInf().getRsn().getPrtry()).filter(r -> r != null).findFirst().orElse(null);
            }
        }
        if (entry.getAddtlNtryInf() != null) information.add(entry.getAddtlNtryInf());
        return new Entry(reference, credit, cents(amount.getValue()), amount.getCcy(), booked, structured, String.join(" ", information), counterparty, endToEnd,
                reason);
    }

    private static long cents(BigDecimal amount) {
        long cents = amount.movePointRight(2).longValueExact();
        if (cents <= 0) throw new Unreadable("bank.fileUnreadable");
        return cents;
    }
}
