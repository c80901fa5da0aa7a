// Polls the till's own status endpoint until the payment is final, then reloads to show the outcome.
(function () {
    const status = document.getElementById("status");
    if (!status || !status.classList.contains("status-pending")) return;
    async function poll() {
        try {
            const response = await fetch(status.dataset.url, { headers: { Accept: "application/json" } });
            if (response.ok && (await response.json()).status !== "pending") {
                location.reload();
                return;
            }
        } catch (e) {
            status.textContent = "Waiting for the customer to approve… (connection problem, retrying)";
        }
        setTimeout(poll, 2000);
    }
    setTimeout(poll, 2000);
})();
