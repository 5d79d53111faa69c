package app.atelier.bank;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A SEPA credit transfer file (pain.001.001.09) made with Prowide's ISO 20022 model: one payment instruction from
 * the operator's account, one transaction a payout, its end-to-end id naming the payout so that the bank's
 * statement can say what became of it, the count and the control sum in the header and the instruction.
 */
public final class TransferFile {
    /** One transfer: the payout it pays ({@code endToEndId}), in cents, to whom, and what the payee's bank shows. */
    public record Transfer(String endToEndId, long amount, String currency, BankAccount to, String remittance) {
    }

    private TransferFile() {
    }

    public static String pain001(String messageId, OffsetDateTime at, LocalDate executeOn, BankAccount from, List<Transfer> transfers) {
        String count = Integer.toString(transfers.size());
        var total = BigDecimal.valueOf(transfers.stream().mapToLong(Transfer::amount).sum(), 2);
        var instruction = new PaymentInstruction30().setPmtInfId(messageId + "-1").setPmtMtd(PaymentMethod3Code.TRF).setBtchBookg(false).setNbOfTxs(count)
                .setCtrlSum(total).setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(executeOn)).setDbtr(new PartyIdentification135().setNm(latin(from.holder())))
                .setDbtrAcct(account(from)).setDbtrAgt(agent(from)).setChrgBr(ChargeBearerType1Code.SLEV);
        for (var t : transfers) {
            var transaction = new CreditTransferTransaction34().setPmtId(new PaymentIdentification6().setEndToEndId(t.endToEndId()))
                    .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(BigDecimal.valueOf(t.amount(), 2)).setCcy(t.currency())))
                    .setCdtr(new PartyIdentification135().setNm(latin(t.to().holder()))).setCdtrAcct(account(t.to()))
                    .setRmtInf(new RemittanceInformation16().addUstrd(t.remittance()));
            if (!t.to().bic().isEmpty()) transaction.setCdtrAgt(agent(t.to()));
            instruction.addCdtTrfTxInf(transaction);
        }
        var initiation = new CustomerCreditTransferInitiationV09().setGrpHdr(new GroupHeader85().setMsgId(messageId).setCreDtTm(at.truncatedTo(ChronoUnit.SECONDS)).setNbOfTxs(count)
                .setCtrlSum(total).setInitgPty(new PartyIdentification135().setNm(latin(from.holder())))).addPmtInf(instruction);
        return new MxPain00100109().setCstmrCdtTrfInitn(initiation).message();
    }

    /** A name in the characters every SEPA bank takes: accents dropped (é to e), anything else outside them a space. */
    static String latin(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9/?:().,'+ -]", " ").strip();
    }

    private static CashAccount38 account(BankAccount account) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(account.iban()));
    }

    /** The account's bank by its BIC, or "not provided", as SEPA allows within the IBAN-only countries. */
    private static BranchAndFinancialInstitutionIdentification6 agent(BankAccount account) {
        var institution = account.bic().isEmpty() ? new FinancialInstitutionIdentification18().setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"))
                : new FinancialInstitutionIdentification18().setBICFI(account.bic());
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution);
    }
}
