using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FigiAuth.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Confirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Confirmations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    CurrencyExponent = table.Column<int>(type: "integer", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    PayeeName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PayeeAccount = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    DisplayText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayTextHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CallbackUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    CallbackDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CallbackAttempts = table.Column<int>(type: "integer", nullable: false),
                    CallbackDeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: true),
                    Authenticator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedAssertion = table.Column<byte[]>(type: "bytea", nullable: true),
                    Receipt = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Confirmations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Confirmations_CallbackDueAt",
                table: "Confirmations",
                column: "CallbackDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Confirmations_ClientId",
                table: "Confirmations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Confirmations_Status_ExpiresAt",
                table: "Confirmations",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Confirmations_UserId_Status",
                table: "Confirmations",
                columns: new[] { "UserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Confirmations");
        }
    }
}
