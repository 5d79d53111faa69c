package app.atelier.bank;

import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * What a bank reports on the platform's account, read into Prowide's ISO 20022 model: a day's statement
 * (camt.053.001.08) or a notification (camt.054.001.08). Each booked transaction is one {@link Entry}; entries still
 * pending are left for the statement that books them.
 */
public final class BankStatement {
    private static final Set<String> KINDS = Set.of("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08");
    private static final JAXBContext ENTRY = context();

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ReportEntry10.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the bank statements' model cannot be loaded", e);
        }
    }

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

    /**
     * The booked entries of the file, read an entry at a time so that a busy day's statement fits in a small memory;
     * anything it cannot read is {@link Unreadable}, and nothing of it is kept.
     */
    public static List<Entry> read(InputStream in) {
        try {
            return entries(in);
        } catch (Unreadable e) {
            throw e;
        } catch (XMLStreamException | JAXBException | RuntimeException e) { // Prowide's model leaves what it cannot read empty or null
            throw new Unreadable("bank.fileUnreadable");
        }
    }

    private static List<Entry> entries(InputStream in) throws XMLStreamException, JAXBException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        var xml = factory.createXMLStreamReader(in, "UTF-8");
        var plain = new WithoutNamespaces(xml);
        var unmarshaller = ENTRY.createUnmarshaller();
        var read = new ArrayList<Entry>();
        boolean rootSeen = false;
        while (plain.hasNext()) {
            if (plain.isStartElement()) {
                if (!rootSeen) {
                    if (!KINDS.contains(xml.getNamespaceURI())) throw new Unreadable("bank.fileKind");
                    rootSeen = true;
                } else if (plain.getLocalName().equals("Ntry")) {
                    add(unmarshaller.unmarshal(plain, ReportEntry10.class).getValue(), read);
                    continue; // the reader now stands on what follows the entry
                }
            }
            plain.next();
        }
        if (!rootSeen) throw new Unreadable("bank.fileKind");
        return read;
    }

    /** Prowide's model names no namespace: its elements are read by their local names, as Prowide reads whole files. */
    private static final class WithoutNamespaces extends StreamReaderDelegate {
        WithoutNamespaces(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public String getNamespaceURI() {
            return "";
        }

        @Override
        public String getNamespaceURI(String prefix) {
            return "";
        }

        @Override
        public String getAttributeNamespace(int index) {
            return "";
        }

        @Override
        public int getNamespaceCount() {
            return 0;
        }

        @Override
        public String getPrefix() {
            return "";
        }
    }

    private static void add(ReportEntry10 entry, List<Entry> read) {
        if (entry.getSts() == null || !"BOOK".equals(entry.getSts().getCd())) return;
        var transactions = entry.getNtryDtls().stream().flatMap(d -> d.getTxDtls().stream()).toList();
        if (transactions.size() <= 1) {
            read.add(entry(entry, transactions.isEmpty() ? null : transactions.get(0), reference(entry)));
        } else {
            for (int i = 0; i < transactions.size(); i++) read.add(entry(entry, transactions.get(i), reference(entry) + "/" + (i + 1)));
        }
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
