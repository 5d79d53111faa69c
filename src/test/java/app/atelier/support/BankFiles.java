package app.atelier.support;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Bank files as a bank would send them, built with the same ISO 20022 model the app reads them with. */
public final class BankFiles {
    /** The demo operator's account, which the tests' statements are for. */
    public static final String ACCOUNT = "FR7630004000031234567890143";

    private BankFiles() {
    }

    /**
     * One booked transaction: the bank's reference, in or out, the amount in euros as the bank writes it, the
     * creditor reference (structured, or null), the free text, who sent or received it, the end-to-end id the
     * transfer carried, and a return reason (or null).
     */
    public record Entry(String reference, boolean credit, String amount, String creditorReference, String text, String party, String endToEndId,
                        String returnReason) {
        public static Entry in(String reference, String amount, String creditorReference, String party) {
            return new Entry(reference, true, amount, creditorReference, null, party, "E2E-" + reference, null);
        }

        public static Entry inWithText(String reference, String amount, String text, String party) {
            return new Entry(reference, true, amount, null, text, party, "E2E-" + reference, null);
        }

        /** Money that left the account for a transfer the platform sent, named by its end-to-end id. */
        public static Entry out(String reference, String amount, String endToEndId, String party) {
            return new Entry(reference, false, amount, null, "", party, endToEndId, null);
        }

        /** A transfer the payee's bank sent back, with the reason code (AC04: account closed). */
        public static Entry returned(String reference, String amount, String endToEndId, String reason) {
            return new Entry(reference, true, amount, null, "Retour", "Banque", endToEndId, reason);
        }
    }

    /** A day statement, camt.053.001.08: its opening balance at nothing, its entries, and its closing balance. */
    public static String statement(String id, List<Entry> entries) {
        var statement = new AccountStatement9().setId(id).setCreDtTm(at()).setAcct(account()).addBal(balance("OPBD", BigDecimal.ZERO));
        entries.forEach(e -> statement.getNtry().add(entry(e)));
        statement.addBal(balance("CLBD", entries.stream().map(e -> e.credit() ? new BigDecimal(e.amount()) : new BigDecimal(e.amount()).negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        var message = new BankToCustomerStatementV08().setGrpHdr(new GroupHeader81().setMsgId(id).setCreDtTm(at()));
        message.getStmt().add(statement);
        return new MxCamt05300108().setBkToCstmrStmt(message).message();
    }

    /** A notification of entries as they are booked, camt.054.001.08. */
    public static String notification(String id, List<Entry> entries) {
        var notification = new AccountNotification17().setId(id).setCreDtTm(at()).setAcct(account());
        entries.forEach(e -> notification.getNtry().add(entry(e)));
        return new MxCamt05400108().setBkToCstmrDbtCdtNtfctn(new BankToCustomerDebitCreditNotificationV08().setGrpHdr(new GroupHeader81().setMsgId(id)
                .setCreDtTm(at())).addNtfctn(notification)).message();
    }

    private static CashBalance8 balance(String type, BigDecimal amount) {
        return new CashBalance8().setTp(new BalanceType13().setCdOrPrtry(new BalanceType10Choice().setCd(type))).setAmt(amount(amount.abs().toPlainString()))
                .setCdtDbtInd(amount.signum() < 0 ? CreditDebitCode.DBIT : CreditDebitCode.CRDT).setDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 3, 2)));
    }

    private static OffsetDateTime at() {
        return OffsetDateTime.of(2026, 3, 2, 18, 0, 0, 0, ZoneOffset.UTC);
    }

    private static CashAccount39 account() {
        return new CashAccount39().setId(new AccountIdentification4Choice().setIBAN(ACCOUNT)).setCcy("EUR");
    }

    private static ReportEntry10 entry(Entry e) {
        var remittance = new RemittanceInformation16();
        if (e.creditorReference() != null) remittance.addStrd(new StructuredRemittanceInformation16().setCdtrRefInf(new CreditorReferenceInformation2().setRef(e.creditorReference())));
        if (e.text() != null) remittance.addUstrd(e.text());
        var party = new Party40Choice().setPty(new PartyIdentification135().setNm(e.party()));
        var transaction = new EntryTransaction10().setRefs(new TransactionReferences6().setEndToEndId(e.endToEndId()))
                .setAmt(amount(e.amount())).setCdtDbtInd(e.credit() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT).setRmtInf(remittance)
                .setRltdPties(e.credit() ? new TransactionParties6().setDbtr(party) : new TransactionParties6().setCdtr(party));
        if (e.returnReason() != null) transaction.setRtrInf(new PaymentReturnReason5().setRsn(new ReturnReason5Choice().setCd(e.returnReason())));
        return new ReportEntry10().setNtryRef(e.reference()).setAcctSvcrRef(e.reference()).setAmt(amount(e.amount()))
                .setCdtDbtInd(e.credit() ? CreditDebitCode.CRDT : CreditDebitCode.DBIT).setSts(new EntryStatus1Choice().setCd("BOOK"))
                .setBookgDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 3, 2))).addNtryDtls(new EntryDetails9().addTxDtls(transaction));
    }

    private static ActiveOrHistoricCurrencyAndAmount amount(String euros) {
        return new ActiveOrHistoricCurrencyAndAmount().setValue(new BigDecimal(euros)).setCcy("EUR");
    }
}
