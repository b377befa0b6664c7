import check from '../../shell/checks/apt-get-missing-yes.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
