/**
 * The reward engine, one sub-package a model, each holding its money in holds of its own ({@link app.atelier.ledger.Hold}):
 * <ul>
 * <li>{@code plan}: what a challenge promises, set in draft and frozen as it opens (prizes, royalty rate, pay what you
 * wish, the fee rate), and the organisation's currency;</li>
 * <li>{@code contest}: the pool funded as the challenge opens, the winners paid at decision, the rest given back;</li>
 * <li>{@code market}: prices offered for accepted contributions and paid tasks, held from acceptance to payment;</li>
 * <li>{@code royalty}: shares weighed at decision, and each period's sales split between them;</li>
 * <li>{@code reflection}: what the organisation decides to pay after its reflection period;</li>
 * <li>{@code wallet}: wallets, deposits, earnings, payouts, statements, and the check of every hold.</li>
 * </ul>
 * This package composes them into the plan the challenge page shows. The sub-packages depend on {@code plan}, and one
 * way on each other: a contest's decision starts the reflection period, and the wallet lists disputed offers and a
 * member's royalty shares.
 */
package app.atelier.reward;
