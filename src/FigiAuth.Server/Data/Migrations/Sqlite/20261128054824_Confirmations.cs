using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FigiAuth.Server.Data.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrencyExponent = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PayeeName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PayeeAccount = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    DisplayText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisplayTextHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CallbackUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CallbackDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CallbackAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CallbackDeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: true),
                    Authenticator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignedAssertion = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
