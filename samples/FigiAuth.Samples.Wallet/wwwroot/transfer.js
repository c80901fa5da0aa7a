// Polls the wallet's status endpoint until the transfer is final, then reloads to show the outcome.
// Approving with a passkey is a plain link to FigiAuth's /confirm/{id} page (see Transfer.cshtml), which returns here.
(function () {
    const status = document.getElementById("status");
    const approve = document.getElementById("approve");
    if (!status || !approve) return;

    async function poll() {
        try {
            const response = await fetch(status.dataset.url, { headers: { Accept: "application/json" } });
            if (response.ok && (await response.json()).status !== "pending") {
                location.reload();
                return;
            }
        } catch (e) {
            status.textContent = "Waiting for your approval… (connection problem, retrying)";
        }
        setTimeout(poll, 2000);
    }
    setTimeout(poll, 2000);

})();
